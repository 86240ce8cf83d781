from cryptography.fernet import Fernet

def enc(key, data):
    return Fernet(key).encrypt(data)
