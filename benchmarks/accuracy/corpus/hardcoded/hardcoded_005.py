class Settings:
    db_password = 'hunter2hunter2'
