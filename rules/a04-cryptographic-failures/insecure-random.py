import random
import secrets
import string


def reset_token():
    # ruleid: secsdlc.python.crypto.insecure-random
    return "".join(random.choice(string.ascii_letters) for _ in range(32))


def login(resp):
    # ruleid: secsdlc.python.crypto.insecure-random
    resp.set_cookie("remember", str(random.random())[2:], secure=True)
    # ok: secsdlc.python.crypto.insecure-random
    resp.set_cookie("remember", secrets.token_urlsafe(16), secure=True)
    # ruleid: secsdlc.python.crypto.insecure-random
    api_key = "%x" % random.getrandbits(128)
    # ok: secsdlc.python.crypto.insecure-random
    api_key = secrets.token_hex(16)
    # ok: secsdlc.python.crypto.insecure-random
    colour = random.choice(["red", "green"])
    # ok: secsdlc.python.crypto.insecure-random
    delay = random.uniform(0, 2)
    return api_key, colour, delay


def new_password():
    # ok: secsdlc.python.crypto.insecure-random
    return str(random.SystemRandom().randint(100000, 999999))
