from Crypto.Cipher import ChaCha20_Poly1305

def enc(key, data):
    return ChaCha20_Poly1305.new(key=key).encrypt_and_digest(data)
