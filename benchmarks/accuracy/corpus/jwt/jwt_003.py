import jwt

OPTS = {'verify_signature': False}

def claims(token):
    opts = {'verify_signature': False, 'verify_exp': True}
    return jwt.decode(token, options=opts)
