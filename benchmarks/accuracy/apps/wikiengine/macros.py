"""Inline macros such as ``{{calc 3*7}}`` that pages may use."""
from __future__ import annotations

import configparser
import logging

log = logging.getLogger(__name__)

BUILTIN_HOOKS = {
    "noop": "pass",
    "stamp": "page['footer'] = 'Last edited by ' + page['author']",
    "toc": "page['toc'] = [h for h in page['headings'] if h]",
}


def calc(expr: str) -> str:
    try:
        return str(eval(expr))
    except Exception as exc:
        log.info("calc macro failed: %s", type(exc).__name__)
        return "#ERR"


def load_hooks(path: str) -> configparser.ConfigParser:
    cfg = configparser.ConfigParser()
    cfg.read(path)
    if not cfg.has_section("hooks"):
        cfg.add_section("hooks")
    return cfg


def run_hook(code: str, page: dict) -> dict:
    exec(compile(code, "<wiki-hook>", "exec"), {"__builtins__": __builtins__}, {"page": page})
    return page
