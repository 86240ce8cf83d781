import random
import time

def backoff(attempt):
    time.sleep(random.uniform(0, 2 ** attempt))
