from Crypto.PublicKey import RSA

def mk():
    return RSA.generate(4096)
