"""Request and response helpers for the WSGI layer."""
from __future__ import annotations

import json
from http.cookies import SimpleCookie
from typing import Callable, Iterable
from urllib.parse import parse_qs

StartResponse = Callable[..., object]


class LegacyRequest:
    """Read-only view of a WSGI environ."""

    def __init__(self, environ: dict) -> None:
        self.environ = environ
        self.path = environ.get("PATH_INFO", "/")
        self.method = environ.get("REQUEST_METHOD", "GET")
        self._query = parse_qs(environ.get("QUERY_STRING", ""))

    def arg(self, name: str, default: str = "") -> str:
        values = self._query.get(name)
        return values[0] if values else default

    def body(self) -> bytes:
        length = int(self.environ.get("CONTENT_LENGTH") or 0)
        return self.environ["wsgi.input"].read(length)

    def cookie(self, name: str) -> str | None:
        jar = SimpleCookie(self.environ.get("HTTP_COOKIE", ""))
        return jar[name].value if name in jar else None


def html(start_response: StartResponse, body: str, status: str = "200 OK") -> Iterable[bytes]:
    data = body.encode("utf-8")
    start_response(status, [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(data)))])
    return [data]


def as_json(start_response: StartResponse, payload: object, status: str = "200 OK") -> Iterable[bytes]:
    data = json.dumps(payload, default=str).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]


def redirect(start_response: StartResponse, location: str) -> Iterable[bytes]:
    start_response("302 Found", [("Location", location), ("Content-Length", "0")])
    return [b""]
