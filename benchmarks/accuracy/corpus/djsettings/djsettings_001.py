DEBUG = True
ALLOWED_HOSTS = ['example.com']
