"""Small HTML helpers for fragments that are not worth a template."""
from __future__ import annotations

import re

from flask import Response, make_response

_SCRIPT_TAG = re.compile(r"<\s*/?\s*script[^>]*>", re.IGNORECASE)


def strip_scripts(text: str) -> str:
    """Remove script tags from user-written review text."""
    return _SCRIPT_TAG.sub("", text)


def fragment(body: str, status: int = 200) -> Response:
    """Wrap an HTML fragment for the htmx-driven parts of the storefront."""
    resp = make_response(f'<div class="fragment">{body}</div>', status)
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    resp.headers["Cache-Control"] = "no-store"
    return resp


def money(amount: float, currency: str = "EUR") -> str:
    return f"{amount:,.2f} {currency}"
