DEBUG = False
ALLOWED_HOSTS = ['example.com', 'www.example.com']
