"""Network and host diagnostics for the on-call engineer."""
from __future__ import annotations

import logging
import os
import re
import shlex
from urllib.parse import quote, urlparse

from werkzeug.exceptions import BadRequest, NotFound
from werkzeug.wrappers import Request, Response

from ..pages import json_response
from ..probes import post_json, probe
from ..runner import CommandRunner
from ..settings import Settings

log = logging.getLogger("opsconsole.diagnostics")

HOST_RE = re.compile(r"[A-Za-z0-9.-]+")
RECORD_TYPES = ("A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV")


class DiagnosticsHandlers:
    def __init__(self, settings: Settings, runner: CommandRunner) -> None:
        self.settings = settings
        self.runner = runner

    def _output(self, result) -> Response:
        return json_response({"rc": result.returncode, "out": result.stdout[-8000:]})

    def ping(self, request: Request) -> Response:
        host = request.args.get("host", "")
        if not HOST_RE.match(host):
            raise BadRequest("invalid host")
        return self._output(self.runner.run(f"ping -c 3 -W 2 {host}"))

    def traceroute(self, request: Request) -> Response:
        host = request.args.get("host", "")
        if not HOST_RE.fullmatch(host):
            raise BadRequest("invalid host")
        return self._output(self.runner.run(f"traceroute -m 15 -w 2 {host}"))

    def nslookup(self, request: Request) -> Response:
        rtype = request.form.get("type", "A").upper()
        name = request.form.get("name", "")
        if rtype not in RECORD_TYPES:
            raise BadRequest("unsupported record type")
        return self._output(self.runner.run("nslookup -type=%s %s" % (rtype, name)))

    def dig(self, request: Request) -> Response:
        rtype = request.form.get("type", "A").upper()
        name = request.form.get("name", "")
        if rtype not in RECORD_TYPES:
            raise BadRequest("unsupported record type")
        return self._output(self.runner.run("dig +short -t %s %s" % (rtype, shlex.quote(name))))

    def disk_usage(self, request: Request) -> Response:
        sub = str((request.get_json(silent=True) or {}).get("path", ""))
        base = shlex.quote(self.settings.data_dir)
        return self._output(self.runner.run(f"du -sh {base}/{sub}"))

    def directory_size(self, request: Request) -> Response:
        sub = str((request.get_json(silent=True) or {}).get("path", ""))
        target = shlex.quote(os.path.join(self.settings.data_dir, sub))
        return self._output(self.runner.run(f"du -sh {target}"))

    def service_status(self, request: Request) -> Response:
        unit = request.form.get("unit", "")
        argv = ["systemctl", "status", "--no-pager", unit]
        return self._output(self.runner.run(" ".join(argv)))

    def service_journal(self, request: Request) -> Response:
        unit = request.form.get("unit", "")
        argv = ["journalctl", "--no-pager", "-n", "200", "-u", unit]
        return self._output(self.runner.run_args(argv))

    def probe_url(self, request: Request) -> Response:
        url = request.args.get("url", "")
        if urlparse(url).scheme not in ("http", "https"):
            raise BadRequest("only http and https are probed")
        return json_response(probe(url))

    def probe_service(self, request: Request) -> Response:
        url = self.settings.services.get(request.args.get("service", ""))
        if url is None:
            raise NotFound("unknown service")
        return json_response(probe(url))

    def relay_alert(self, request: Request) -> Response:
        body = request.get_json(silent=True) or {}
        url = f"https://{body.get('host', '')}/api/v2/{body.get('path', 'alerts')}"
        return json_response({"status": post_json(url, {"labels": body.get("labels", {})})})

    def silence_alert(self, request: Request) -> Response:
        body = request.get_json(silent=True) or {}
        path = quote(str(body.get("path", "silences")), safe="")
        url = f"https://{self.settings.alertmanager_host}/api/v2/{path}"
        return json_response({"status": post_json(url, {"labels": body.get("labels", {})})})

    def uptime(self, request: Request) -> Response:
        return self._output(self.runner.run_args(["uptime", "-p"]))

    def list_services(self, request: Request) -> Response:
        return json_response(sorted(self.settings.services))
