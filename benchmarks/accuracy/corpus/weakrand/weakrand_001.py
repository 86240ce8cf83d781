import random
from flask import make_response

def login():
    resp = make_response('ok')
    resp.set_cookie('remember', str(random.random())[2:], secure=True, httponly=True)
    return resp
