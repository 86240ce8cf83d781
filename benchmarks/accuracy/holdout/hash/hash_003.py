import hashlib

def digest(pw):
    h = hashlib.new('md5')
    h.update(pw)
    return h.hexdigest()
