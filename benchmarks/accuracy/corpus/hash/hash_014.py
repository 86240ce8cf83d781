PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']
