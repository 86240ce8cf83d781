from Crypto.Cipher import Blowfish

def enc(key, data):
    return Blowfish.new(key, Blowfish.MODE_CBC).encrypt(data)
