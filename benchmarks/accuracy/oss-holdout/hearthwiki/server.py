"""The HTTP server: static files and raw pages here, everything else via the router."""
import logging
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from . import api, pages, settings, storage  # noqa: F401  (registers routes)
from .router import Request, Response, html_response, router

log = logging.getLogger("hearthwiki")

RAW_TYPES = {"txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8", "html": "text/plain; charset=utf-8"}
STATIC_DIR = os.path.join(os.path.dirname(__file__), "static")


class WikiHandler(BaseHTTPRequestHandler):
    server_version = "hearthwiki/1.4"

    def _send(self, resp: Response) -> None:
        self.send_response(resp.status)
        for name, value in resp.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(resp.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(resp.body)

    def _static(self, name: str) -> None:
        if name not in ("wiki.css", "wiki.js", "favicon.ico"):
            self._send(html_response("<h1>Not found</h1>", 404))
            return
        with open(os.path.join(STATIC_DIR, name), "rb") as fh:
            data = fh.read()
        self._send(Response(data, 200, [("Cache-Control", "max-age=3600")]))

    def _do_raw(self):
        qs = parse_qs(urlparse(self.path).query)
        page = storage.get_page(qs.get("title", [""])[0])
        if page is None:
            self._send(html_response("<h1>Not found</h1>", 404))
            return
        body = page["body"].encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", qs.get("type", ["text/plain"])[0])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _do_raw_text(self):
        qs = parse_qs(urlparse(self.path).query)
        page = storage.get_page(qs.get("title", [""])[0])
        if page is None:
            self._send(html_response("<h1>Not found</h1>", 404))
            return
        body = page["body"].encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", RAW_TYPES.get(qs.get("type", ["txt"])[0], RAW_TYPES["txt"]))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _dispatch(self):
        path = urlparse(self.path).path
        if path.startswith("/static/"):
            return self._static(path[len("/static/"):])
        if path == "/raw":
            return self._do_raw()
        if path == "/raw/text":
            return self._do_raw_text()
        try:
            self._send(router.dispatch(Request(self)))
        except Exception:
            log.exception("unhandled error for %s", path)
            self._send(html_response("<h1>Server error</h1>", 500))

    do_GET = _dispatch
    do_POST = _dispatch
    do_HEAD = _dispatch


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    os.makedirs(settings.EXPORT_DIR, exist_ok=True)
    ThreadingHTTPServer((settings.HOST, settings.PORT), WikiHandler).serve_forever()


if __name__ == "__main__":
    main()
