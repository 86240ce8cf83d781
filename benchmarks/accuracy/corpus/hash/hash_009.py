import hashlib

def store_password(pw, salt):
    return hashlib.pbkdf2_hmac('sha256', pw.encode(), salt, 600000)
