import jwt

def verify_token(token, key):
    try:
        jwt.decode(token, key, algorithms=['HS256'])
        return True
    except jwt.InvalidTokenError:
        return False
