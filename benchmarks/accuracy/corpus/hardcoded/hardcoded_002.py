SECRET_KEY = 'django-insecure-8f#2k!x9q0z'
