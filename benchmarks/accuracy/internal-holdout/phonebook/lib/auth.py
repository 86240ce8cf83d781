"""Password checks against the users table."""
import hashlib
import hmac


def verify(password, salt_hex, digest_hex):
    try:
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    candidate = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2 ** 14, r=8, p=1).hex()
    return hmac.compare_digest(candidate, digest_hex)
