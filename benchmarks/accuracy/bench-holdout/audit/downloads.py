"""Small servers the reporting hosts run behind the internal proxy."""
import re
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse


def _query(path: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(path).query).items()}


class ReportDownloadHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        name = _query(self.path).get("name", "report")
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("X-Report-Name", name)
        self.end_headers()
        self.wfile.write(b"id,total\n")


class ReportPreviewHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        name = _query(self.path).get("name", "report")
        name = name.replace("\r", "").replace("\n", "")
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("X-Report-Name", name)
        self.end_headers()
        self.wfile.write(b"id,total\n")


class ReportJumpHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        target = _query(self.path).get("id", "")
        self.send_response(302)
        self.send_header("Location", "/reports/" + target)
        self.end_headers()


class ReportOpenHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        target = _query(self.path).get("id", "0")
        if not target.isdigit():
            self.send_error(400)
            return
        self.send_response(302)
        self.send_header("Location", "/reports/" + target)
        self.end_headers()


def export_app(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    fname = params.get("file", ["export"])[0]
    headers = [("Content-Type", "text/csv"), ("Content-Disposition", f"attachment; filename={fname}.csv")]
    start_response("200 OK", headers)
    return [b"id,total\n"]


def archive_app(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    fname = re.sub(r"[^A-Za-z0-9_-]", "_", params.get("file", ["archive"])[0])
    headers = [("Content-Type", "application/zip"), ("Content-Disposition", f"attachment; filename={fname}.zip")]
    start_response("200 OK", headers)
    return [b""]
