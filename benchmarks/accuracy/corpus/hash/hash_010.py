import hashlib

def sign(data):
    return hashlib.sha256(data).hexdigest()
