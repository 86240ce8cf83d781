"""Ids, tokens and paste passwords."""
import ast
import hashlib
import hmac
import os
import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits
MAX_EXPIRY = 365 * 86400

_ARITH_NODES = (ast.Expression, ast.BinOp, ast.Constant, ast.Add, ast.Sub, ast.Mult, ast.FloorDiv)


def short_id(length: int = 8) -> str:
    return "".join(random.choices(ALPHABET, k=length))


def check_paste_password(stored: str, password: str) -> bool:
    scheme, _, rest = stored.partition("$")
    if scheme == "scrypt":
        salt, _, digest = rest.partition("$")
        candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1).hex()
        return hmac.compare_digest(candidate, digest)
    return hmac.compare_digest(hashlib.sha256(password.encode()).hexdigest(), stored)


def arithmetic_seconds(expr: str) -> int:
    """Evaluate small expressions like ``60*60*24`` used for expiry times."""
    tree = ast.parse(expr, mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, _ARITH_NODES) or (isinstance(node, ast.Constant) and type(node.value) is not int):
            raise ValueError("unsupported expression")
    value = eval(compile(tree, "<expiry>", "eval"), {"__builtins__": {}}, {})
    return max(0, min(int(value), MAX_EXPIRY))


def new_salt() -> bytes:
    return os.urandom(16)


def admin_token_ok(token: str, expected: str) -> bool:
    return bool(expected) and hmac.compare_digest(token, expected)


def session_token() -> str:
    return secrets.token_urlsafe(32)
