"""Request parsing and response helpers for the WSGI handlers."""
from __future__ import annotations

import json
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs

from . import config

StartResponse = Callable[..., Any]


class Request:
    """Read-only view of a WSGI environ."""

    def __init__(self, environ: dict[str, Any]) -> None:
        self.environ = environ
        self.method = environ.get("REQUEST_METHOD", "GET").upper()
        self.path = environ.get("PATH_INFO", "/")
        self.args = {key: values[-1] for key, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
        self._body: bytes | None = None

    def arg(self, name: str, default: str = "") -> str:
        return self.args.get(name, default)

    def body(self) -> bytes:
        if self._body is None:
            try:
                length = int(self.environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            self._body = self.environ["wsgi.input"].read(min(length, config.MAX_BODY))
        return self._body

    def json(self) -> dict[str, Any]:
        data = json.loads(self.body() or b"{}")
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return data

    def form(self) -> dict[str, str]:
        parsed = parse_qs(self.body().decode("utf-8"), keep_blank_values=True)
        return {key: values[-1] for key, values in parsed.items()}


def respond_json(start_response: StartResponse, data: Any, status: str = "200 OK") -> Iterable[bytes]:
    payload = json.dumps(data, default=str).encode("utf-8")
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
    return [payload]


def respond_html(start_response: StartResponse, body: str) -> Iterable[bytes]:
    payload = body.encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(payload)))])
    return [payload]


def redirect(start_response: StartResponse, location: str) -> Iterable[bytes]:
    location = location.replace("\r", "").replace("\n", "")
    start_response("302 Found", [("Location", location), ("Content-Length", "0")])
    return [b""]


def error(start_response: StartResponse, status: str, message: str) -> Iterable[bytes]:
    return respond_json(start_response, {"error": message}, status)
