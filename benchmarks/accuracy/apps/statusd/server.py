"""The HTTP front end of statusd, built on http.server."""
from __future__ import annotations

import ast
import html
import io
import json
import logging
import os
import posixpath
import re
import shlex
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, unquote, urlparse

from lxml import etree

from . import config, pages, probes, upstream, xmlio

log = logging.getLogger("statusd")

ROUTES_GET = {
    "/ping": "_ping",
    "/ping6": "_ping6",
    "/dns": "_dns",
    "/dns/reverse": "_dns_reverse",
    "/service": "_service_status",
    "/service/active": "_service_active",
    "/disk": "_disk",
    "/disk/named": "_disk_named",
    "/logs/tail": "_log_tail",
    "/logs/head": "_log_head",
    "/dashboard": "_dashboard",
    "/dashboard/compact": "_dashboard_compact",
    "/check": "_check_url",
    "/check/upstream": "_check_upstream",
    "/metrics": "_metrics",
    "/metrics/raw": "_metrics_raw",
    "/reports/download": "_download",
    "/reports/export": "_download_export",
    "/prefs/lang": "_set_lang",
    "/prefs/theme": "_set_theme",
    "/trace": "_trace",
    "/trace/echo": "_trace_echo",
    "/help": "_help",
    "/help/topic": "_help_topic",
}
ROUTES_POST = {
    "/alerts/import": "_import_alerts",
    "/alerts/import/v2": "_import_alerts_v2",
    "/config/import": "_import_config",
    "/config/validate": "_validate_config",
    "/thresholds/test": "_test_threshold",
    "/thresholds/parse": "_parse_threshold",
}


class StatusHandler(BaseHTTPRequestHandler):
    server_version = "statusd/1.4"

    # -- plumbing -------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, payload: object, status: int = 200) -> None:
        self._send(status, json.dumps(payload).encode())

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length", "0"))
        return self.rfile.read(length)

    def do_GET(self) -> None:
        parsed = urlparse(self.path)
        if parsed.path.startswith("/static/"):
            self._static()
            return
        if parsed.path.startswith("/assets/"):
            self._asset()
            return
        name = ROUTES_GET.get(parsed.path)
        if name is None:
            self._not_found(parsed.path)
            return
        params = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        getattr(self, name)(params)

    def do_POST(self) -> None:
        name = ROUTES_POST.get(urlparse(self.path).path)
        if name is None:
            self._send(404, b'{"error": "not found"}')
            return
        getattr(self, name)()

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    # -- diagnostics ----------------------------------------------------

    def _ping(self, params: dict[str, str]) -> None:
        host = params.get("host", "localhost")
        self._json({"output": probes.run(f"ping -c 3 -W 2 {host}")})

    def _ping6(self, params: dict[str, str]) -> None:
        host = params.get("host", "localhost")
        self._json({"output": probes.run(f"ping -6 -c 3 -W 2 {shlex.quote(host)}")})

    def _dns(self, params: dict[str, str]) -> None:
        name = params.get("name", "")
        if not re.match(r"[A-Za-z0-9.-]+", name):
            self._json({"error": "invalid name"}, 400)
            return
        self._json({"answer": probes.dig(name).split()})

    def _dns_reverse(self, params: dict[str, str]) -> None:
        ip = params.get("ip", "")
        if not re.fullmatch(r"[0-9]{1,3}(\.[0-9]{1,3}){3}", ip):
            self._json({"error": "invalid address"}, 400)
            return
        self._json({"answer": probes.dig("-x " + ip).split()})

    def _service_status(self, params: dict[str, str]) -> None:
        unit = params.get("unit", "statusd")
        self._json({"output": probes.call(["sh", "-c", f"systemctl status --no-pager {unit}"])})

    def _service_active(self, params: dict[str, str]) -> None:
        unit = params.get("unit", "statusd")
        self._json({"output": probes.call(["systemctl", "is-active", "--", unit])})

    def _disk(self, params: dict[str, str]) -> None:
        mount = self.headers.get("X-Mount-Point", "/")
        self._json({"output": probes.run("df -h " + mount)})

    def _disk_named(self, params: dict[str, str]) -> None:
        mount = config.MOUNTS.get(params.get("name", "root"), "/")
        self._json({"output": probes.run("df -h " + mount)})

    # -- logs and static files ------------------------------------------

    def _log_tail(self, params: dict[str, str]) -> None:
        path = os.path.join(config.LOG_DIR, params.get("file", "statusd.log"))
        with open(path, "rb") as fh:
            fh.seek(0, io.SEEK_END)
            fh.seek(max(0, fh.tell() - 16384))
            self._send(200, fh.read(), "text/plain; charset=utf-8")

    def _log_head(self, params: dict[str, str]) -> None:
        name = os.path.basename(params.get("file", "statusd.log"))
        path = os.path.realpath(os.path.join(config.LOG_DIR, name))
        if os.path.dirname(path) != os.path.realpath(config.LOG_DIR):
            self._json({"error": "unknown log"}, 404)
            return
        with open(path, "rb") as fh:
            self._send(200, fh.read(16384), "text/plain; charset=utf-8")

    def _static(self) -> None:
        rel = unquote(urlparse(self.path).path[len("/static/"):])
        path = os.path.join(config.STATIC_DIR, rel)
        if not os.path.isfile(path):
            self._send(404, b"not found", "text/plain")
            return
        with open(path, "rb") as fh:
            self._send(200, fh.read(), "application/octet-stream")

    def _asset(self) -> None:
        rel = posixpath.normpath(unquote(urlparse(self.path).path[len("/assets/"):]))
        root = os.path.realpath(config.STATIC_DIR)
        path = os.path.realpath(os.path.join(root, rel.lstrip("/")))
        if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
            self._send(404, b"not found", "text/plain")
            return
        with open(path, "rb") as fh:
            self._send(200, fh.read(), "application/octet-stream")

    # -- pages ----------------------------------------------------------

    def _not_found(self, path: str) -> None:
        body = pages.page("Not found", f"<p>No page at <code>{html.escape(unquote(path))}</code>.</p>")
        self._send(404, body, "text/html; charset=utf-8")

    def _dashboard(self, params: dict[str, str]) -> None:
        rows = ""
        for name, url in sorted(config.UPSTREAMS.items()):
            status, _ = upstream.fetch(url)
            rows += f"<tr><td>{name}</td><td>{status}</td></tr>"
        heading = params.get("title", "Service status")
        self._send(200, pages.page(heading, f"<table>{rows}</table>"), "text/html; charset=utf-8")

    def _dashboard_compact(self, params: dict[str, str]) -> None:
        rows = ""
        for name, url in sorted(config.UPSTREAMS.items()):
            status, _ = upstream.fetch(url)
            rows += f"<tr><td>{name}</td><td>{'up' if status == 200 else 'down'}</td></tr>"
        heading = html.escape(params.get("title", "Service status"))
        self._send(200, pages.page(heading, f"<table>{rows}</table>"), "text/html; charset=utf-8")

    # -- upstream checks ------------------------------------------------

    def _check_url(self, params: dict[str, str]) -> None:
        url = params.get("url", "")
        self._json(upstream.fetch_json(url))

    def _check_upstream(self, params: dict[str, str]) -> None:
        url = config.UPSTREAMS.get(params.get("service", ""))
        if url is None:
            self._json({"error": "unknown service"}, 404)
            return
        self._json(upstream.fetch_json(url))

    def _metrics(self, params: dict[str, str]) -> None:
        path = params.get("path", "/metrics")
        status, body = upstream.fetch(config.METRICS_BASE + path)
        self._send(status, body, "text/plain; version=0.0.4")

    def _metrics_raw(self, params: dict[str, str]) -> None:
        path = params.get("path", "metrics")
        status, body = upstream.fetch(config.METRICS_BASE + "/" + quote(path.lstrip("/"), safe=""))
        self._send(status, body, "text/plain; version=0.0.4")

    # -- downloads and preferences --------------------------------------

    def _download(self, params: dict[str, str]) -> None:
        name = params.get("name", "report.csv")
        body = b"service,status\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Disposition", f'attachment; filename="{name}"')
        self.end_headers()
        self.wfile.write(body)

    def _download_export(self, params: dict[str, str]) -> None:
        name = re.sub(r"[^A-Za-z0-9._-]", "_", params.get("name", "export.csv"))
        body = b"service,status\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Disposition", f'attachment; filename="{name}"')
        self.end_headers()
        self.wfile.write(body)

    def _set_lang(self, params: dict[str, str]) -> None:
        lang = params.get("lang", "en")
        self.send_response(204)
        self.send_header("Set-Cookie", "statusd_lang=" + lang + "; Path=/; SameSite=Lax")
        self.end_headers()

    def _set_theme(self, params: dict[str, str]) -> None:
        theme = params.get("theme", "light")
        value = theme if theme in config.THEMES else "light"
        self.send_response(204)
        self.send_header("Set-Cookie", "statusd_theme=" + value + "; Path=/; SameSite=Lax")
        self.end_headers()

    def _trace(self, params: dict[str, str]) -> None:
        trace_id = params.get("trace", "")
        self.send_response(204)
        self.send_header("X-Trace-Id", trace_id)
        self.end_headers()

    def _trace_echo(self, params: dict[str, str]) -> None:
        trace_id = params.get("trace", "")
        if not re.fullmatch(r"[0-9a-f]{16,32}", trace_id):
            trace_id = os.urandom(8).hex()
        self.send_response(204)
        self.send_header("X-Trace-Id", trace_id)
        self.end_headers()

    def _help(self, params: dict[str, str]) -> None:
        lang = params.get("hl") or "en"
        body = b"See the operations handbook."
        self.send_response(200)
        self.send_header("Content-Language", lang)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _help_topic(self, params: dict[str, str]) -> None:
        lang = (params.get("hl") or "en").splitlines()[0]
        body = b"See the operations handbook."
        self.send_response(200)
        self.send_header("Content-Language", lang)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    # -- imports --------------------------------------------------------

    def _import_alerts(self) -> None:
        alerts = xmlio.parse_legacy(io.BytesIO(self._body()))
        self._json({"imported": len(alerts), "alerts": alerts})

    def _import_alerts_v2(self) -> None:
        alerts = xmlio.parse_current(io.BytesIO(self._body()))
        self._json({"imported": len(alerts), "alerts": alerts})

    def _import_config(self) -> None:
        parser = etree.XMLParser(resolve_entities=True, load_dtd=True)
        root = etree.fromstring(self._body(), parser)
        self._json({"checks": [el.get("name") for el in root.iter("check")]})

    def _validate_config(self) -> None:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        root = etree.fromstring(self._body(), parser)
        self._json({"checks": [el.get("name") for el in root.iter("check")]})

    def _test_threshold(self) -> None:
        expr = self._body().decode("utf-8", "replace")
        value = eval(expr, {"__builtins__": {}}, {"load": os.getloadavg()[0]})
        self._json({"result": bool(value)})

    def _parse_threshold(self) -> None:
        text = self._body().decode("utf-8", "replace")
        value = ast.literal_eval(text)
        self._json({"threshold": value if isinstance(value, (int, float)) else None})


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    ThreadingHTTPServer((config.BIND, config.PORT), StatusHandler).serve_forever()


if __name__ == "__main__":
    main()
