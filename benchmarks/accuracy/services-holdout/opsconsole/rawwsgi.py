"""Small WSGI apps mounted beside the console for the load balancer and scrapers."""
from __future__ import annotations

from html import escape
from typing import Callable, Iterable
from urllib.parse import parse_qs, quote

KNOWN_METRICS = {"requests_total": 0, "errors_total": 0, "queue_depth": 0}
StartResponse = Callable[[str, list[tuple[str, str]]], object]


def _query(environ: dict) -> dict[str, list[str]]:
    return parse_qs(environ.get("QUERY_STRING", ""))


def metrics_app(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
    name = _query(environ).get("metric", [""])[0]
    if name in KNOWN_METRICS:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [f"{name} {KNOWN_METRICS[name]}\n".encode()]
    body = f"<html><body><p>Unknown metric: {name}</p></body></html>"
    start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8")])
    return [body.encode()]


def health_app(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
    name = _query(environ).get("check", [""])[0]
    if name in KNOWN_METRICS:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok\n"]
    body = f"<html><body><p>Unknown check: {escape(name)}</p></body></html>"
    start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8")])
    return [body.encode()]


def report_download_app(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
    name = _query(environ).get("name", ["report"])[0]
    start_response(
        "200 OK",
        [("Content-Type", "text/csv"), ("Content-Disposition", f"attachment; filename={name}.csv")],
    )
    return [b"host,status\n"]


def export_download_app(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
    name = quote(_query(environ).get("name", ["export"])[0], safe="")
    start_response(
        "200 OK",
        [("Content-Type", "text/csv"), ("Content-Disposition", f"attachment; filename={name}.csv")],
    )
    return [b"host,status\n"]
