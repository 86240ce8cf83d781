import secrets
from flask import make_response

def login():
    resp = make_response('ok')
    resp.set_cookie('remember', secrets.token_urlsafe(16), secure=True, httponly=True)
    return resp
