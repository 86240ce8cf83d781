"""Password storage helpers."""
from __future__ import annotations

import hashlib
import hmac
import secrets

PBKDF2_ROUNDS = 600_000


def new_salt() -> str:
    return secrets.token_hex(16)


def digest_for_storage(password: str, salt: str) -> str:
    return hashlib.sha256((salt + password).encode("utf-8")).hexdigest()


def derive_key(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode(), PBKDF2_ROUNDS).hex()


def matches(candidate: str, stored: str) -> bool:
    return hmac.compare_digest(candidate, stored)
