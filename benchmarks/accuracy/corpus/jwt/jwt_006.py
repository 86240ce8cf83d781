import jwt

def header(token):
    return jwt.get_unverified_header(token)['kid']
