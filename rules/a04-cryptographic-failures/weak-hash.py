import hashlib

from cryptography.hazmat.primitives import hashes


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
