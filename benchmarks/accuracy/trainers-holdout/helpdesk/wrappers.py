"""A thin wrapper so views read parameters the same way whatever the content type."""

from __future__ import annotations

from typing import Any

from flask import Request


class RequestArgs:
    def __init__(self, request: Request) -> None:
        self._request = request
        self._json: dict[str, Any] = request.get_json(silent=True) or {}

    def get(self, name: str, default: str = "") -> str:
        if name in self._json:
            return str(self._json[name])
        return self._request.values.get(name, default)

    def text(self, name: str, default: str = "") -> str:
        return self.get(name, default).strip()

    def number(self, name: str, default: int = 0) -> int:
        try:
            return int(self.get(name, str(default)))
        except ValueError:
            return default
