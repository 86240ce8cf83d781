"""Share links with expiring tokens, login, and the little public share page."""

import json
import logging
import random
import secrets
import sqlite3
import string
import time
from urllib.parse import urlparse

import jsonpickle
import tornado.template
import tornado.web

from .. import settings
from .base import BaseHandler

log = logging.getLogger("mediabox.shares")

SHARE_PAGE = """<!doctype html><html><head><title>{{ caption }}</title></head>
<body><h1>{{ caption }}</h1><video controls src="/s/{{ token }}/stream"></video></body></html>"""


def _db():
    return sqlite3.connect(settings.DB_PATH)


def _store_share(token, media_id, caption):
    with _db() as conn:
        conn.execute("INSERT INTO shares (token, media_id, caption, expires) VALUES (?, ?, ?, ?)",
                     (token, media_id, caption, int(time.time()) + settings.SHARE_TTL))


def _load_share(token):
    with _db() as conn:
        return conn.execute("SELECT media_id, caption, expires FROM shares WHERE token = ?", (token,)).fetchone()


def _check_password(user, password):
    with _db() as conn:
        row = conn.execute("SELECT pw FROM users WHERE name = ?", (user,)).fetchone()
    return row is not None and secrets.compare_digest(row[0], password)


class ShareCreateHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        media_id = int(self.get_body_argument("media_id"))
        token = "".join(random.choices(string.ascii_letters + string.digits, k=10))
        _store_share(token, media_id, self.get_body_argument("caption", ""))
        self.write_json({"url": f"/s/{token}"})


class ShareLinkHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        media_id = int(self.get_body_argument("media_id"))
        token = secrets.token_urlsafe(16)
        _store_share(token, media_id, self.get_body_argument("caption", ""))
        self.write_json({"url": f"/s/{token}"})


class SharePreviewHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        caption = self.get_body_argument("caption", "Shared video")
        page = tornado.template.Template(caption).generate()
        html = tornado.template.Template(SHARE_PAGE).generate(caption=page.decode(), token="preview")
        self.finish(html)


class ShareCardHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        caption = self.get_body_argument("caption", "Shared video")
        html = tornado.template.Template(SHARE_PAGE).generate(caption=caption, token="preview")
        self.finish(html)


class ShareOpenHandler(BaseHandler):
    def get(self, token):
        share = _load_share(token)
        if share is None or share[2] < time.time():
            raise tornado.web.HTTPError(410)
        self.set_signed_cookie("mb_share", token, expires_days=1, secure=True, httponly=True)
        self.redirect(self.get_argument("next", f"/s/{token}/page"))


class ShareEnterHandler(BaseHandler):
    def get(self, token):
        share = _load_share(token)
        if share is None or share[2] < time.time():
            raise tornado.web.HTTPError(410)
        self.set_signed_cookie("mb_share", token, expires_days=1, secure=True, httponly=True)
        nxt = self.get_argument("next", f"/s/{token}/page")
        parts = urlparse(nxt)
        if parts.scheme or parts.netloc or not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt:
            nxt = f"/s/{token}/page"
        self.redirect(nxt)


class LoginHandler(BaseHandler):
    def post(self):
        user = self.get_body_argument("user")
        if not _check_password(user, self.get_body_argument("password")):
            raise tornado.web.HTTPError(403)
        self.set_signed_cookie("mb_user", user, expires_days=30)
        self.redirect("/")


class SignInHandler(BaseHandler):
    def post(self):
        user = self.get_body_argument("user")
        if not _check_password(user, self.get_body_argument("password")):
            raise tornado.web.HTTPError(403)
        self.set_signed_cookie("mb_user", user, expires_days=30, secure=True, httponly=True, samesite="Strict")
        self.redirect("/")


class PlayerPrefsHandler(BaseHandler):
    def get(self):
        raw = self.get_cookie("mb_player")
        prefs = jsonpickle.decode(raw) if raw else {"volume": 0.8, "autoplay": False}
        self.write_json(prefs)


class PlayerSettingsHandler(BaseHandler):
    def get(self):
        raw = self.get_cookie("mb_player")
        prefs = json.loads(raw) if raw else {"volume": 0.8, "autoplay": False}
        self.write_json(prefs)


class LibrarySearchHandler(BaseHandler):
    def get(self):
        q = self.get_argument("q", "")
        log.info("library search: %s", q)
        with _db() as conn:
            rows = conn.execute("SELECT id, relpath FROM media WHERE relpath LIKE ? LIMIT 100", (f"%{q}%",)).fetchall()
        self.write_json([{"id": r[0], "path": r[1]} for r in rows])


class LibraryFindHandler(BaseHandler):
    def get(self):
        q = self.get_argument("q", "")
        log.info("library search: %s", json.dumps(q))
        with _db() as conn:
            rows = conn.execute("SELECT id, relpath FROM media WHERE relpath LIKE ? LIMIT 100", (f"%{q}%",)).fetchall()
        self.write_json([{"id": r[0], "path": r[1]} for r in rows])
