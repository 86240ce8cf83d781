"""Application factory."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets

from aiohttp import web
from aiohttp_session import setup as setup_session
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from . import admin, dao, handlers, settings

log = logging.getLogger(__name__)


class StaffAuth:
    """Back-office accounts are provisioned by the box office with scrypt hashes."""

    def __init__(self, accounts: dict[str, tuple[bytes, bytes]]) -> None:
        self._accounts = accounts
        self._tokens: dict[str, str] = {}

    async def check(self, username: str, password: str) -> bool:
        record = self._accounts.get(username)
        if record is None:
            return False
        salt, expected = record
        actual = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
        return hmac.compare_digest(actual, expected)

    async def issue(self, username: str) -> str:
        token = secrets.token_urlsafe(32)
        self._tokens[token] = username
        return token


async def _open_db(app: web.Application) -> None:
    app["db"] = await dao.connect()


async def _close_db(app: web.Application) -> None:
    await app["db"].close()


def create_app(accounts: dict[str, tuple[bytes, bytes]] | None = None) -> web.Application:
    app = web.Application(client_max_size=5 * 1024 * 1024)
    setup_session(app, EncryptedCookieStorage(base64.urlsafe_b64decode(settings.SESSION_KEY), secure=True, httponly=True))
    app["auth"] = StaffAuth(accounts or {})
    app.on_startup.append(_open_db)
    app.on_cleanup.append(_close_db)
    app.add_routes(handlers.routes)
    app.add_routes(admin.routes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), port=8080)
