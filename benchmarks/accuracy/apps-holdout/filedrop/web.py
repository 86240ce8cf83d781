"""Small helpers around BaseHTTPRequestHandler: query parsing and common responses."""
from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlparse

PAGE_HEAD = "<!doctype html><html><head><meta charset='utf-8'><title>filedrop</title></head><body>"
PAGE_TAIL = "</body></html>"


class Query:
    """The query string of a request path, first value wins."""

    def __init__(self, raw_path: str) -> None:
        self._params = parse_qs(urlparse(raw_path).query, keep_blank_values=True)

    def get(self, name: str, default: str = "") -> str:
        values = self._params.get(name)
        return values[0] if values else default

    def __contains__(self, name: str) -> bool:
        return name in self._params


def send_html(handler: BaseHTTPRequestHandler, body: str, status: int = 200) -> None:
    payload = (PAGE_HEAD + body + PAGE_TAIL).encode("utf-8")
    handler.send_response(status)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


def send_json(handler: BaseHTTPRequestHandler, data: Any, status: int = 200) -> None:
    payload = json.dumps(data).encode("utf-8")
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


def send_bytes(handler: BaseHTTPRequestHandler, data: bytes, content_type: str = "application/octet-stream") -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def send_download(handler: BaseHTTPRequestHandler, data: bytes, filename: str) -> None:
    """Send ``data`` as an attachment the browser saves under ``filename``."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/octet-stream")
    handler.send_header("Content-Disposition", f'attachment; filename="{filename}"')
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)
