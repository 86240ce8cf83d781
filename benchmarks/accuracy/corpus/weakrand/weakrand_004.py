import random
from flask import session

def start():
    session['csrf_token'] = '%x' % random.getrandbits(64)
