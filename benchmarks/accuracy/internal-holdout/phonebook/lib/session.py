"""Session store (server side, in the database) and the session cookie."""
import hashlib
import hmac
import json
import os
from http.cookies import SimpleCookie

from phonebook import settings
from phonebook.lib import db

COOKIE_NAME = "pbsid"


def new_session_id():
    sid = os.urandom(24).hex()
    return sid + "." + hmac.new(settings.SESSION_SECRET.encode(), sid.encode(), hashlib.sha256).hexdigest()[:16]


def cookie_header(sid, secure=False, httponly=False, max_age=8 * 3600):
    c = SimpleCookie()
    c[COOKIE_NAME] = sid
    c[COOKIE_NAME]["path"] = "/"
    c[COOKIE_NAME]["max-age"] = max_age
    if secure:
        c[COOKIE_NAME]["secure"] = True
    if httponly:
        c[COOKIE_NAME]["httponly"] = True
    return ("Set-Cookie", c[COOKIE_NAME].OutputString())


def load(sid):
    row = db.query_one("SELECT data FROM sessions WHERE sid = %s", (sid,))
    return json.loads(row[0]) if row else {}


def save(sid, data):
    db.execute("UPDATE sessions SET data = %s WHERE sid = %s", (json.dumps(data), sid))
