from Crypto.Hash import MD5

def fingerprint(data):
    return MD5.new(data).hexdigest()
