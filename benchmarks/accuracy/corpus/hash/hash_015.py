import hashlib

def checksum(path):
    return hashlib.blake2b(open(path, 'rb').read()).hexdigest()
