"""Stand-alone export server run next to the batch jobs."""
import os
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

from .storage import EXPORT_DIR, read_bytes


class ExportHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        name = query.get("name", [""])[0]
        body = read_bytes(os.path.join(EXPORT_DIR, name))
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.end_headers()
        self.wfile.write(body)


class ArchiveHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        name = query.get("name", [""])[0]
        if name not in os.listdir(EXPORT_DIR):
            self.send_error(404)
            return
        body = read_bytes(os.path.join(EXPORT_DIR, name))
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.end_headers()
        self.wfile.write(body)
