# ruleid: secsdlc.python.auth.weak-password-policy
AUTH_PASSWORD_VALIDATORS = []

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        # ruleid: secsdlc.python.auth.weak-password-policy
        "OPTIONS": {"min_length": 4},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        # ok: secsdlc.python.auth.weak-password-policy
        "OPTIONS": {"min_length": 12},
    },
]
