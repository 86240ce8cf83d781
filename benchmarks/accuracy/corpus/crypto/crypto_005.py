from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

def enc(key):
    return Cipher(algorithms.AES(key), modes.ECB()).encryptor()
