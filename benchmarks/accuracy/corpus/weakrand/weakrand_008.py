import secrets
import string

def reset_token():
    return ''.join(secrets.choice(string.ascii_letters) for _ in range(32))
