"""Minimal HTML layout for the console's pages."""
from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Response

LAYOUT = """<!doctype html><html><head><title>{title} - ops console</title>
<link rel="stylesheet" href="/static/console.css"></head>
<body><header><h1>{title}</h1></header><main>{body}</main></body></html>"""


def html_page(title: str, body: str) -> str:
    return LAYOUT.format(title=title, body=body)


def json_response(payload: Any, status: int = 200) -> Response:
    import json

    return Response(json.dumps(payload), status=status, mimetype="application/json")
