import os

# ruleid: secsdlc.python.misconfiguration.django-insecure-settings
DEBUG = True
# ok: secsdlc.python.misconfiguration.django-insecure-settings
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# ruleid: secsdlc.python.misconfiguration.django-insecure-settings
ALLOWED_HOSTS = ["*"]
# ok: secsdlc.python.misconfiguration.django-insecure-settings
ALLOWED_HOSTS = ["example.com"]
# ruleid: secsdlc.python.misconfiguration.django-insecure-settings
SECURE_SSL_REDIRECT = False
# ok: secsdlc.python.misconfiguration.django-insecure-settings
SECURE_SSL_REDIRECT = True
