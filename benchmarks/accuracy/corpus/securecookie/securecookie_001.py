from flask import make_response

def view():
    resp = make_response('ok')
    resp.set_cookie('session_id', 'abc')
    return resp
