CORS_ALLOWED_ORIGINS = ['https://example.com']
