"""HTTP front end of filedrop: one handler class, routes dispatched by path."""
from __future__ import annotations

import base64
import binascii
import html
import io
import logging
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlparse

from . import archive, config, manifest, storage, web
from .web import Query

logger = logging.getLogger("filedrop")

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
UPLOAD_ID = re.compile(r"[0-9a-f]{32}")

GET_ROUTES = {
    "/download": "_do_download",
    "/preview": "_do_preview",
    "/list": "_do_listing",
    "/recent": "_do_recent",
    "/search": "_do_search",
    "/find": "_do_find",
    "/export.csv": "_do_export",
    "/export.json": "_do_export_json",
    "/prefs/view": "_do_set_view",
    "/prefs/order": "_do_set_order",
    "/flag": "_do_flag",
    "/unflag": "_do_unflag",
    "/uploads/status": "_do_status",
}
POST_ROUTES = {
    "/archive": "_do_archive",
    "/checksum": "_do_checksum",
    "/manifests/import": "_do_import_manifest",
    "/manifests/check": "_do_check_manifest",
    "/uploads/resume": "_do_resume",
}
PREFIX_ROUTES = {
    "/files/": "_do_shared_file",
    "/public/": "_do_public_file",
}


class DropHandler(BaseHTTPRequestHandler):
    server_version = "filedrop/1.4"

    def do_GET(self) -> None:
        self._dispatch(GET_ROUTES)

    def do_POST(self) -> None:
        self._dispatch(POST_ROUTES)

    def _dispatch(self, routes: dict[str, str]) -> None:
        route = urlparse(self.path).path
        method = routes.get(route)
        if method is None:
            method = next((m for prefix, m in PREFIX_ROUTES.items() if route.startswith(prefix)), None)
        if method is None:
            self.send_error(404)
            return
        try:
            getattr(self, method)()
        except FileNotFoundError:
            self.send_error(404)
        except (ValueError, KeyError, binascii.Error):
            self.send_error(400)

    def _read_body(self, limit: int = config.MAX_BODY) -> bytes:
        length = int(self.headers.get("Content-Length", "0"))
        if length > limit:
            raise ValueError("body too large")
        return self.rfile.read(length)

    def _path_parts(self) -> tuple[str, str]:
        parts = urlparse(self.path).path.split("/", 3)
        if len(parts) != 4:
            raise FileNotFoundError(self.path)
        return unquote(parts[2]), unquote(parts[3])

    # downloads

    def _do_download(self) -> None:
        name = Query(self.path).get("name")
        if not name:
            raise ValueError("name missing")
        web.send_bytes(self, storage.read_file(name))

    def _do_preview(self) -> None:
        name = os.path.basename(Query(self.path).get("name"))
        if not name:
            raise ValueError("name missing")
        web.send_bytes(self, storage.read_file(name)[:4096], "text/plain; charset=utf-8")

    def _do_shared_file(self) -> None:
        token, name = self._path_parts()
        if ".." in token or not storage.bucket_exists(token):
            self.send_error(404)
            return
        web.send_bytes(self, storage.read_bucket_file(token, name))

    def _do_public_file(self) -> None:
        token, name = self._path_parts()
        if not TOKEN.fullmatch(token) or not NAME.fullmatch(name) or not storage.bucket_exists(token):
            self.send_error(404)
            return
        web.send_bytes(self, storage.read_bucket_file(token, name))

    # listings

    def _do_listing(self) -> None:
        prefix = Query(self.path).get("prefix").replace("<script", "")
        out = io.StringIO()
        out.write(f"<h1>Files starting with {prefix}</h1><ul>")
        for name in storage.files_with_prefix(prefix):
            out.write(f"<li>{html.escape(name)}</li>")
        out.write("</ul>")
        web.send_html(self, out.getvalue())

    def _do_recent(self) -> None:
        prefix = Query(self.path).get("prefix")
        out = io.StringIO()
        out.write(f"<h1>Recent files starting with {html.escape(prefix)}</h1><ol>")
        for name in storage.files_with_prefix(prefix)[-20:]:
            out.write(f"<li>{html.escape(name)}</li>")
        out.write("</ol>")
        web.send_html(self, out.getvalue())

    def _do_search(self) -> None:
        web.send_json(self, {"files": storage.search(Query(self.path).get("q"))})

    def _do_find(self) -> None:
        term = Query(self.path).get("q")
        web.send_json(self, {"files": storage.search("^" + re.escape(term))})

    # exports

    def _do_export(self) -> None:
        filename = Query(self.path).get("filename", "filedrop-index.csv")
        web.send_download(self, storage.index_csv(), filename)

    def _do_export_json(self) -> None:
        filename = re.sub(r"[^\w.-]", "_", Query(self.path).get("filename", "filedrop-index.json"))
        data = "\n".join(storage.list_files()).encode("utf-8")
        web.send_download(self, data, filename)

    # preferences

    def _do_set_view(self) -> None:
        view = Query(self.path).get("view", "list").strip()
        self.send_response(303)
        self.send_header("Location", "/list")
        self.send_header("Set-Cookie", f"drop_view={view}; Path=/; SameSite=Lax")
        self.end_headers()

    def _do_set_order(self) -> None:
        order = "desc" if Query(self.path).get("order", "asc").lower() == "desc" else "asc"
        self.send_response(303)
        self.send_header("Location", "/list")
        self.send_header("Set-Cookie", f"drop_order={order}; Path=/; SameSite=Lax")
        self.end_headers()

    # moderation

    def _do_flag(self) -> None:
        query = Query(self.path)
        logger.warning("file flagged by a visitor: " + query.get("reason"))
        web.send_json(self, {"flagged": True})

    def _do_unflag(self) -> None:
        query = Query(self.path)
        reason = query.get("reason").encode("unicode_escape").decode("ascii")
        logger.warning("file unflagged by a visitor: %s", reason)
        web.send_json(self, {"flagged": False})

    # shell tools

    def _do_archive(self) -> None:
        name = Query(self.path).get("name")
        if not re.match(r"\w[\w.-]*", name):
            self.send_error(400, "file name not accepted")
            return
        status = archive.run_in_drop_dir(f"tar -czf {config.ARCHIVE_DIR}/{name}.tar.gz {name}")
        web.send_json(self, {"archived": status == 0})

    def _do_checksum(self) -> None:
        name = Query(self.path).get("name")
        if not re.fullmatch(r"\w[\w.-]*", name):
            self.send_error(400, "file name not accepted")
            return
        status = archive.run_in_drop_dir(f"sha256sum {name} > {config.ARCHIVE_DIR}/{name}.sha256")
        web.send_json(self, {"written": status == 0})

    # manifests

    def _do_import_manifest(self) -> None:
        entries = manifest.parse_manifest(self._read_body(config.MAX_MANIFEST), legacy_entities=True)
        web.send_json(self, {"entries": entries})

    def _do_check_manifest(self) -> None:
        entries = manifest.parse_manifest(self._read_body(config.MAX_MANIFEST))
        web.send_json(self, {"valid": True, "entries": entries})

    # resumable uploads

    def _do_resume(self) -> None:
        token = self.headers.get("X-Upload-State", "")
        state = storage.load_state(base64.b64decode(token))
        web.send_json(self, {"resume_from": int(state.get("offset", 0)), "done": bool(state.get("done"))})

    def _do_status(self) -> None:
        upload_id = Query(self.path).get("id")
        if not UPLOAD_ID.fullmatch(upload_id):
            self.send_error(400)
            return
        state = storage.load_state(storage.read_state_file(upload_id))
        web.send_json(self, {"id": upload_id, "offset": state["offset"], "done": state.get("done", False)})


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    server = ThreadingHTTPServer(config.LISTEN, DropHandler)
    logger.info("filedrop listening on %s:%d", *config.LISTEN)
    server.serve_forever()


if __name__ == "__main__":
    main()
