"""Server-side sessions kept in memory; the cookie only carries the id."""
import secrets
import time

from . import settings

SESSIONS: dict = {}


def create(username: str, spaces) -> str:
    sid = secrets.token_urlsafe(24)
    SESSIONS[sid] = {"user": username, "allowed_spaces": list(spaces), "space": "home",
                     "expires": time.time() + settings.SESSION_HOURS * 3600}
    return sid


def load(request) -> dict:
    sid = request.cookie("hw_sid")
    session = SESSIONS.get(sid or "")
    if session is None or session["expires"] < time.time():
        return {}
    return session


def check_password(stored: str, password: str) -> bool:
    import hashlib
    import hmac

    return hmac.compare_digest(stored, hashlib.md5(password.encode()).hexdigest())
