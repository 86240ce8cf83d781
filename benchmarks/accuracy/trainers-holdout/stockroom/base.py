"""Base handler with the JSON and authentication plumbing."""

from __future__ import annotations

import json
from typing import Any

from tornado.web import HTTPError, RequestHandler


class BaseHandler(RequestHandler):
    def get_current_user(self) -> str | None:
        value = self.get_signed_cookie("operator")
        return value.decode() if value else None

    def body_json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise HTTPError(400, "body is not JSON")
        if not isinstance(data, dict):
            raise HTTPError(400, "body must be an object")
        return data

    def send_json(self, data: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(data, default=str))
