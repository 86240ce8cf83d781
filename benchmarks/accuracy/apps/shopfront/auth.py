"""Password checks and login bookkeeping."""
from __future__ import annotations

import hashlib
import hmac
import logging

from . import db

log = logging.getLogger("shopfront.auth")


def verify_password(username: str, password: str) -> bool:
    rows = db.query("SELECT salt, pw_hash FROM customers WHERE email = ?", (username,))
    if not rows:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), rows[0]["salt"], 200_000)
    return hmac.compare_digest(digest.hex(), rows[0]["pw_hash"])


def record_failure(username: str, remote_addr: str | None) -> None:
    log.warning("failed login for %s from %s", username, remote_addr)


def record_lockout(username: str) -> None:
    log.warning("account locked after repeated failures: %r", username)
