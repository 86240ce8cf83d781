"""Glue to the outside world: image tools, cover fetches, the directory, rules."""

from __future__ import annotations

import logging
import os
import re
import subprocess

import jinja2
import ldap
import requests
from django.conf import settings

log = logging.getLogger(__name__)

_env = jinja2.Environment(autoescape=True)

NEWSLETTER_BLOCKS = {
    "welcome": "<p>Welcome, {{ member }}!</p><p>{{ note }}</p>",
    "reminder": "<p>{{ member }}, your loan is due soon.</p><p>{{ note }}</p>",
}

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def markdown_lite(text: str) -> str:
    """The review box only supports **bold** and paragraphs."""
    paragraphs = [_BOLD.sub(r"<strong>\1</strong>", p) for p in text.split("\n\n")]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def convert_cover(book_id: int, size: str) -> str:
    original = os.path.join(settings.COVER_ROOT, f"{book_id}.jpg")
    target = os.path.join(settings.COVER_ROOT, f"{book_id}-small.jpg")
    subprocess.run(f"convert {original} -resize {size} {target}", shell=True, check=True)
    return target


def fetch_bytes(url: str) -> bytes:
    response = requests.get(url, timeout=10)
    response.raise_for_status()
    return response.content


def rule_applies(expression: str, total: int) -> bool:
    """Promotion rules are small Python expressions over the basket total."""
    return bool(eval(expression, {"__builtins__": {}}, {"total": total}))


def render_block(template_text: str, **context: object) -> str:
    return _env.from_string(template_text).render(**context)


def directory_search(ldap_filter: str) -> list[dict[str, list[bytes]]]:
    conn = ldap.initialize(settings.LDAP_URI)
    conn.simple_bind_s()
    try:
        results = conn.search_s(settings.LDAP_BASE, ldap.SCOPE_SUBTREE, ldap_filter, ["cn", "mail"])
    finally:
        conn.unbind_s()
    return [attrs for _dn, attrs in results]
