import hashlib
import hmac

from cryptography.hazmat.primitives import hashes

PASSWORD_HASHERS = [
    # ruleid: secsdlc.python.crypto.weak-hash
    "django.contrib.auth.hashers.MD5PasswordHasher",
]


def store(pw):
    # ruleid: secsdlc.python.crypto.weak-hash
    return hashlib.md5(pw.encode()).hexdigest()


def sign(data):
    # ruleid: secsdlc.python.crypto.weak-hash
    h = hashlib.new("sha1")
    # ruleid: secsdlc.python.crypto.weak-hash
    hashes.Hash(hashes.SHA1())
    # ok: secsdlc.python.crypto.weak-hash
    hashlib.sha256(data).hexdigest()
    # ok: secsdlc.python.crypto.weak-hash
    hashlib.md5(data, usedforsecurity=False).hexdigest()
    # ok: secsdlc.python.crypto.weak-hash
    hashes.Hash(hashes.SHA256())
    return h


def digest(values, key):
    # ruleid: secsdlc.python.crypto.weak-hash
    mac = hmac.new(key, values, hashlib.md5)
    # ruleid: secsdlc.python.crypto.weak-hash
    api_token = hashlib.sha1(values).hexdigest()
    return mac, api_token


def cache_key(name):
    # ruleid: secsdlc.python.crypto.weak-hash-unclear-use
    return "tmpl_" + hashlib.sha1(name.encode("utf-8")).hexdigest()


def generate_etag(data):
    # ruleid: secsdlc.python.crypto.weak-hash-unclear-use
    return hashlib.md5(data).hexdigest()


# ruleid: secsdlc.python.crypto.weak-hash-unclear-use
CHECKSUM = hashlib.md5(b"fixture").hexdigest()


def checksum(data):
    # ok: secsdlc.python.crypto.weak-hash-unclear-use
    return hashlib.md5(data, usedforsecurity=False).hexdigest()
