from Crypto.Cipher import AES, ARC4, DES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def enc(key, iv, data):
    # ruleid: secsdlc.python.crypto.weak-cipher
    DES.new(key, DES.MODE_CBC, iv)
    # ruleid: secsdlc.python.crypto.weak-cipher
    ARC4.new(key)
    # ruleid: secsdlc.python.crypto.weak-cipher
    AES.new(key, AES.MODE_ECB)
    # ruleid: secsdlc.python.crypto.weak-cipher
    Cipher(algorithms.AES(key), modes.ECB())
    # ok: secsdlc.python.crypto.weak-cipher
    AES.new(key, AES.MODE_GCM)
    # ok: secsdlc.python.crypto.weak-cipher
    Cipher(algorithms.AES(key), modes.CBC(iv))
