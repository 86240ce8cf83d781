"""Log viewer and audit trail search."""
from __future__ import annotations

import logging
import os
from html import escape

from werkzeug.exceptions import NotFound
from werkzeug.utils import send_file
from werkzeug.wrappers import Request, Response

from ..pages import html_page, json_response
from ..settings import Settings
from ..storage import AuditStore

log = logging.getLogger("opsconsole.logs")
MAX_LINES = 500


def _matching_lines(path: str, needle: str) -> list[str]:
    with open(path, encoding="utf-8", errors="replace") as fh:
        return [line.rstrip("\n") for line in fh if needle in line][-MAX_LINES:]


class LogHandlers:
    def __init__(self, settings: Settings, audit: AuditStore) -> None:
        self.settings = settings
        self.audit = audit

    def _listing(self) -> list[str]:
        return sorted(os.listdir(self.settings.log_dir))

    def search_app_log(self, request: Request) -> Response:
        needle = request.args.get("q", "")
        lines = _matching_lines(os.path.join(self.settings.log_dir, "app.log"), needle)
        body = "<pre>" + "\n".join(escape(line) for line in lines) + "</pre>"
        page = html_page(f"Lines containing {needle}", body)
        return Response(page, mimetype="text/html")

    def search_worker_log(self, request: Request) -> Response:
        needle = request.args.get("q", "")
        lines = _matching_lines(os.path.join(self.settings.log_dir, "worker.log"), needle)
        body = "<pre>" + "\n".join(escape(line) for line in lines) + "</pre>"
        page = html_page(f"Lines containing {escape(needle)}", body)
        return Response(page, mimetype="text/html")

    def download_log(self, request: Request) -> Response:
        name = request.args.get("file", "app.log").replace("../", "")
        path = os.path.join(self.settings.log_dir, name)
        if not os.path.isfile(path):
            raise NotFound()
        return send_file(path, request.environ, mimetype="text/plain", as_attachment=True)

    def download_rotated_log(self, request: Request) -> Response:
        name = request.args.get("file", "app.log.1")
        if name not in self._listing():
            raise NotFound()
        path = os.path.join(self.settings.log_dir, name)
        return send_file(path, request.environ, mimetype="text/plain", as_attachment=True)

    def audit_by_actor(self, request: Request) -> Response:
        rows = self.audit.search(actor=request.args.get("actor"), action=request.args.get("action"))
        return json_response(rows)

    def audit_since(self, request: Request) -> Response:
        rows = self.audit.since(request.args.get("since", "1970-01-01"), request.args.get("action"))
        return json_response(rows)

    def list_logs(self, request: Request) -> Response:
        entries = []
        for name in self._listing():
            stat = os.stat(os.path.join(self.settings.log_dir, name))
            entries.append({"name": name, "bytes": stat.st_size, "modified": int(stat.st_mtime)})
        return json_response(entries)
