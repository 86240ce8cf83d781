class Settings:
    db_password = ''
