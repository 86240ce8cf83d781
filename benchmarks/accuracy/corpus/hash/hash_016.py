import hashlib

def md5_name():
    return 'md5 is ' + hashlib.sha3_256(b'x').hexdigest()
