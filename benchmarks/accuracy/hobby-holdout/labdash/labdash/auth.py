import hashlib
import hmac
import json
import os

from .config import USERS_FILE


def _load():
    try:
        with open(USERS_FILE) as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


def _save(users):
    os.makedirs(os.path.dirname(USERS_FILE), exist_ok=True)
    with open(USERS_FILE, "w") as fh:
        json.dump(users, fh, indent=2)


def set_password_v1(user, password):
    users = _load()
    users[user] = {"algo": "sha1", "hash": hashlib.sha1(password.encode()).hexdigest()}
    _save(users)


def set_password(user, password):
    users = _load()
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    users[user] = {"algo": "scrypt", "salt": salt.hex(), "hash": digest.hex()}
    _save(users)


def check(user, password):
    rec = _load().get(user)
    if not rec:
        return False
    if rec["algo"] == "sha1":
        return hmac.compare_digest(rec["hash"], hashlib.sha1(password.encode()).hexdigest())
    digest = hashlib.scrypt(password.encode(), salt=bytes.fromhex(rec["salt"]), n=2**14, r=8, p=1)
    return hmac.compare_digest(rec["hash"], digest.hex())
