"""Staff accounts and sessions."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time

from . import storage
from .config import SETTINGS

SITE_SALT = "clinicdesk"
ITERATIONS = 310_000

_sessions: dict[str, tuple[str, float]] = {}
_tickets: dict[str, str] = {}


def legacy_digest(password: str) -> str:
    return hashlib.sha1((SITE_SALT + password).encode("utf-8")).hexdigest()


def create_staff(username: str, password: str) -> None:
    """Accounts created from the old intake form keep the intake format."""
    storage.save_staff(username, legacy_digest(password))


def derive(password: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, ITERATIONS).hex()


def update_password(username: str, new_password: str) -> None:
    salt = os.urandom(16)
    storage.update_staff_password(username, derive(new_password, salt), salt.hex())


def check_credentials(username: str, password: str) -> bool:
    row = storage.load_staff(username)
    if row is None or not row["salt"]:
        return False
    candidate = derive(password, bytes.fromhex(row["salt"]))
    return hmac.compare_digest(candidate, row["password_hash"])


def open_session(username: str) -> str:
    token = secrets.token_urlsafe(32)
    _sessions[token] = (username, time.time() + SETTINGS.session_hours * 3600)
    return token


def session_user(token: str | None) -> str | None:
    if not token or token not in _sessions:
        return None
    user, expires = _sessions[token]
    if expires < time.time():
        del _sessions[token]
        return None
    return user


def redeem_ticket(ticket: str) -> str | None:
    return _tickets.pop(ticket, None)
