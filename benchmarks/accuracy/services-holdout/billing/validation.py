"""Request validation helpers shared by the blueprints."""
from __future__ import annotations

from typing import Any, Mapping

from flask import Request, abort

MAX_PER_PAGE = 200


def require_json(req: Request) -> dict[str, Any]:
    """Return the JSON object body or stop the request with 400."""
    payload = req.get_json(silent=True)
    if not isinstance(payload, dict):
        abort(400, description="expected a JSON object")
    return payload


def parse_pagination(args: Mapping[str, str]) -> tuple[int, int]:
    try:
        page = max(1, int(args.get("page", 1)))
        per_page = min(MAX_PER_PAGE, max(1, int(args.get("per_page", 50))))
    except ValueError:
        abort(400, description="page and per_page must be integers")
    return page, per_page


def one_line(value: str) -> str:
    """Keep a value on one log line whatever it contains."""
    return value.replace("\r", "\\r").replace("\n", "\\n")
