import hashlib

class User:
    def set_password(self, raw):
        self.pw = hashlib.sha1(raw.encode()).hexdigest()
