import hashlib

def digest(data):
    h = hashlib.new('sha512')
    h.update(data)
    return h.hexdigest()
