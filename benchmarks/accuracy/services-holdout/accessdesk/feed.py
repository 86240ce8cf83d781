"""Read-only CSV feed served to the spreadsheet integration on the tool's host.

Runs as a separate process (``python -m accessdesk.feed``) with the standard library only,
so that the spreadsheet machines never talk to the main application.
"""
from __future__ import annotations

import csv
import io
import logging
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

log = logging.getLogger("accessdesk.feed")
FEED_ROWS = [("account", "rule", "severity")]


def _csv_bytes(rows: list[tuple[str, ...]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("utf-8")


class ReportFeedHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query)
        name = query.get("name", ["findings"])[0]
        payload = _csv_bytes(FEED_ROWS)
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Disposition", f"attachment; filename={name}.csv")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class FindingsFeedHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query)
        name = re.sub(r"[^A-Za-z0-9_-]", "", query.get("name", ["findings"])[0]) or "findings"
        payload = _csv_bytes(FEED_ROWS)
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Disposition", f"attachment; filename={name}.csv")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def serve(port: int = 8765, detailed: bool = False) -> None:
    handler = FindingsFeedHandler if detailed else ReportFeedHandler
    ThreadingHTTPServer(("0.0.0.0", port), handler).serve_forever()


if __name__ == "__main__":
    serve()
