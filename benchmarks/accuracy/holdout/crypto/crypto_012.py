CIPHER_NAME = 'DES'  # documented legacy name only

def name():
    return CIPHER_NAME.lower()
