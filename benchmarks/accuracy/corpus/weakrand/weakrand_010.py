import random

def new_user(user):
    password = str(random.SystemRandom().randint(100000, 999999))
    user.set_password(password)
