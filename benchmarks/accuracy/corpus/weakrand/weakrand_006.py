import random

class Api:
    def issue(self):
        self.api_key = hex(random.getrandbits(128))
