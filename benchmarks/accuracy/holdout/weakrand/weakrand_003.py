import random

def new_user(user):
    password = str(random.randint(100000, 999999))
    user.set_password(password)
