"""Console sign-in."""
from __future__ import annotations

import json
import logging
import secrets

from werkzeug.exceptions import Unauthorized
from werkzeug.wrappers import Request, Response

from ..pages import json_response

log = logging.getLogger("opsconsole.auth")
SESSION_SECONDS = 4 * 3600


class AuthHandlers:
    def __init__(self, directory) -> None:
        self.directory = directory

    def login(self, request: Request) -> Response:
        username = request.form.get("username", "")
        if not self.directory.verify(username, request.form.get("password", "")):
            log.warning("console sign-in failed for %s", username)
            raise Unauthorized()
        return json_response({"ok": True})

    def token_login(self, request: Request) -> Response:
        username = request.form.get("username", "")
        if not self.directory.verify_token(username, request.form.get("token", "")):
            log.warning("console token rejected for %s", json.dumps(username))
            raise Unauthorized()
        return json_response({"ok": True})

    def start_session(self, request: Request) -> Response:
        user = self.directory.exchange_sso_code(request.args.get("code", ""))
        if user is None:
            raise Unauthorized()
        response = json_response({"user": user})
        response.set_cookie("ops_session", secrets.token_urlsafe(32), max_age=SESSION_SECONDS)
        return response

    def start_break_glass_session(self, request: Request) -> Response:
        user = self.directory.exchange_sso_code(request.args.get("code", ""))
        if user is None:
            raise Unauthorized()
        response = json_response({"user": user})
        response.set_cookie(
            "ops_session",
            secrets.token_urlsafe(32),
            max_age=SESSION_SECONDS,
            secure=True,
            httponly=True,
            samesite="Strict",
        )
        return response

    def logout(self, request: Request) -> Response:
        response = json_response({"ok": True})
        response.delete_cookie("ops_session")
        return response
