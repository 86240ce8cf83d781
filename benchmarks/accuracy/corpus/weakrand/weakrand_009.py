import random

def pick_color():
    return random.choice(['red', 'green', 'blue'])
