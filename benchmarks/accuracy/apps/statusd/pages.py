"""HTML for the few human-facing pages; everything else is JSON."""
from __future__ import annotations

import time

STYLE = "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td{padding:.2em .6em}"


def page(title: str, body: str) -> bytes:
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>statusd</title><style>{STYLE}</style></head>"
        f"<body><h1>{title}</h1>{body}<footer>rendered {time.strftime('%H:%M:%S')}</footer></body></html>"
    ).encode()
