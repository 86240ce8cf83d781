"""Template rendering in the style of aiohttp_jinja2."""

from __future__ import annotations

from typing import Any

import jinja2
from aiohttp import web

from . import settings

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(settings.TEMPLATE_DIR),
    autoescape=jinja2.select_autoescape(["html"]),
    enable_async=False,
)

STOCK_MESSAGES = {
    "confirmation": "Hello {{ name }}, your tickets for {{ event }} are attached. {{ note }}",
    "reminder": "Hello {{ name }}, {{ event }} starts tomorrow. {{ note }}",
}


def environment() -> jinja2.Environment:
    return _env


def page(template_name: str, request: web.Request, context: dict[str, Any]) -> web.Response:
    context = {"path": request.path, **context}
    body = _env.get_template(template_name).render(**context)
    return web.Response(text=body, content_type="text/html")


def from_text(text: str, **context: Any) -> str:
    return _env.from_string(text).render(**context)
