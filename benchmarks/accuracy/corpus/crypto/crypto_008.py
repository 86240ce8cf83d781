from cryptography.hazmat.primitives.ciphers.aead import AESGCM
import os

def enc(key, data):
    return AESGCM(key).encrypt(os.urandom(12), data, None)
