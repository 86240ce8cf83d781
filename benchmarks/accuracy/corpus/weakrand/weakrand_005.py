import random

def otp():
    code = random.randrange(10**6)
    return code
