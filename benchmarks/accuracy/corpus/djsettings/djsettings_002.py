DEBUG = False
ALLOWED_HOSTS = ['*']
