import hashlib
from flask import request

def token():
    return hashlib.md5(request.args['u'].encode()).hexdigest()
