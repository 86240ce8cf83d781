#!/usr/bin/env python3
"""labdash - one-page status board for the home lab.

No framework on purpose: it runs on the NAS with the stock python3.
"""

import html
import json
import logging
import os
import posixpath
import re
import shlex
import subprocess
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, unquote, urlparse

from . import auth, config, logs, probes

log = logging.getLogger("labdash")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/labdash.css"></head>
<body class="{theme}"><nav><a href="/">home</a> <a href="/services">services</a> <a href="/logs">logs</a></nav>
<main>{body}</main></body></html>"""


class DashHandler(BaseHTTPRequestHandler):
    server_version = "labdash/0.9"

    ROUTES_GET = {
        "/": "page_home",
        "/ping": "page_ping",
        "/ping/check": "page_ping_checked",
        "/service": "page_service",
        "/service/known": "page_service_known",
        "/docker/logs": "page_docker_logs",
        "/docker/logs/quoted": "page_docker_logs_quoted",
        "/logs/view": "page_log_view",
        "/logs/view/checked": "page_log_view_checked",
        "/logs/tail": "page_log_tail",
        "/logs/tail/listed": "page_log_tail_listed",
        "/logs/grep": "page_log_grep",
        "/logs/grep/words": "page_log_grep_words",
        "/find": "page_find",
        "/find/escaped": "page_find_escaped",
        "/export": "page_export",
        "/export/clean": "page_export_clean",
        "/theme": "page_theme",
        "/theme/pick": "page_theme_pick",
        "/report.csv": "page_report_csv",
        "/report/units.csv": "page_report_csv_named",
        "/healthz": "page_health",
        "/healthz/traced": "page_health_traced",
        "/wall": "page_wall",
        "/wall/auto": "page_wall_auto",
        "/dashboard": "page_moved",
        "/index.php": "page_moved",
    }
    ROUTES_POST = {
        "/docker/restart": "post_docker_restart",
        "/docker/restart/idx": "post_docker_restart_idx",
        "/trace": "post_trace",
        "/trace/args": "post_trace_args",
        "/widget/rename": "post_widget_rename",
        "/widget/rename/json": "post_widget_rename_json",
        "/login": "post_login",
        "/login/v2": "post_login_v2",
        "/setup/user": "post_setup_user",
        "/account/password": "post_account_password",
    }

    # -- plumbing ---------------------------------------------------------

    def query(self):
        qs = parse_qs(urlparse(self.path).query)
        return {k: v[0] for k, v in qs.items()}

    def form(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace")
        if self.headers.get("Content-Type", "").startswith("application/json"):
            return json.loads(raw or "{}")
        return {k: v[0] for k, v in parse_qs(raw).items()}

    def _send(self, status, body, ctype="text/html; charset=utf-8", extra=None):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _page(self, title, body, status=200):
        theme = "dark"
        self._send(status, PAGE.format(title=title, body=body, theme=theme))

    def _text(self, text, status=200):
        self._send(status, text, "text/plain; charset=utf-8")

    def _json(self, obj, status=200):
        self._send(status, json.dumps(obj), "application/json")

    def _dispatch(self, table):
        route = urlparse(self.path).path
        name = table.get(route)
        if name is None and route.startswith("/static/"):
            return self.page_static()
        if name is None and route.startswith("/assets/"):
            return self.page_asset()
        if name is None:
            return self.page_not_found()
        try:
            getattr(self, name)()
        except Exception:
            log.exception("handler %s failed", name)
            self._text("internal error", 500)

    def do_GET(self):
        self._dispatch(self.ROUTES_GET)

    def do_POST(self):
        self._dispatch(self.ROUTES_POST)

    # -- pages ------------------------------------------------------------

    def page_home(self):
        rows = "".join(f"<li>{html.escape(u)}</li>" for u in config.UNITS)
        body = f"<h1>labdash</h1><p>{html.escape(probes.uptime())}</p><ul>{rows}</ul><pre>{html.escape(probes.disk_usage())}</pre>"
        self._page("labdash", body)

    def page_not_found(self):
        asked = unquote(urlparse(self.path).path)
        self._page("not found", "<h1>Not found</h1><p>No page at <code>%s</code></p>" % asked, 404)

    def page_static(self):
        rel = urlparse(self.path).path[len("/static/"):]
        rel = rel.replace("../", "")
        try:
            with open(config.STATIC_DIR + "/" + rel, "rb") as fh:
                data = fh.read()
        except OSError:
            return self._text("not found", 404)
        ctype = "text/css" if rel.endswith(".css") else "application/octet-stream"
        self._send(200, data, ctype)

    def page_asset(self):
        rel = urlparse(self.path).path[len("/assets/"):]
        rel = posixpath.normpath("/" + rel).lstrip("/")
        try:
            with open(os.path.join(config.STATIC_DIR, rel), "rb") as fh:
                data = fh.read()
        except OSError:
            return self._text("not found", 404)
        self._send(200, data, "application/octet-stream", {"Cache-Control": "max-age=3600"})

    def page_moved(self):
        asked = quote(self.path, safe="/?=&")
        self._page("moved", "<h1>Moved</h1><p><code>%s</code> is gone, the board lives at <a href='/'>/</a> now.</p>" % asked, 410)

    def page_ping(self):
        host = self.query().get("host", "1.1.1.1")
        out = probes.run(f"ping -c 3 -W 2 {host}")
        self._text(out)

    def page_ping_checked(self):
        host = self.query().get("host", "1.1.1.1")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.-]{0,252}", host):
            return self._text("that is not a hostname", 400)
        out = probes.run(f"ping -c 3 -W 2 {host}")
        self._text(out)

    def page_service(self):
        unit = self.query().get("unit", "")
        if not re.match(r"[\w@.-]+", unit):
            return self._text("not a unit name", 400)
        with os.popen(f"systemctl status --no-pager {unit}") as p:
            self._text(p.read())

    def page_service_known(self):
        unit = self.query().get("unit", "")
        if unit not in config.UNITS:
            return self._text("unknown unit", 404)
        with os.popen(f"systemctl status --no-pager {unit}") as p:
            self._text(p.read())

    def page_docker_logs(self):
        q = self.query()
        lines = int(q.get("lines", "100"))
        name = q.get("name", "")
        out = subprocess.check_output("docker logs --tail %d %s 2>&1" % (lines, name), shell=True, text=True)
        self._text(out)

    def page_docker_logs_quoted(self):
        q = self.query()
        lines = int(q.get("lines", "100"))
        name = q.get("name", "")
        out = subprocess.check_output("docker logs --tail %d %s 2>&1" % (lines, shlex.quote(name)), shell=True, text=True)
        self._text(out)

    def post_docker_restart(self):
        name = self.form().get("name", "")
        self._text(probes.docker(["restart", name]))

    def post_docker_restart_idx(self):
        idx = self.form().get("idx", "0")
        try:
            name = config.CONTAINERS[int(idx)]
        except (ValueError, IndexError):
            return self._text("no such container", 404)
        self._text(probes.docker(["restart", name]))

    def post_trace(self):
        host = self.form().get("host", "")
        os.system("traceroute -m 15 " + host + " > /tmp/labdash-trace.txt 2>&1")
        with open("/tmp/labdash-trace.txt") as fh:
            self._text(fh.read())

    def post_trace_args(self):
        host = self.form().get("host", "")
        proc = subprocess.run(["traceroute", "-m", "15", "--", host], capture_output=True, text=True, timeout=60)
        self._text(proc.stdout or proc.stderr)

    def page_log_view(self):
        name = self.query().get("file", "syslog.log")
        with open(os.path.join(config.LOG_DIR, name), errors="replace") as fh:
            self._text(fh.read()[-65536:])

    def page_log_view_checked(self):
        name = self.query().get("file", "syslog.log")
        path = os.path.realpath(os.path.join(config.LOG_DIR, name))
        if not path.startswith(os.path.realpath(config.LOG_DIR) + os.sep):
            return self._text("nope", 403)
        with open(path, errors="replace") as fh:
            self._text(fh.read()[-65536:])

    def page_log_tail(self):
        name = self.query().get("file", "")
        if not name.endswith(".log"):
            log.warning("odd log name requested: %r", name)
        self._text(logs.tail(name))

    def page_log_tail_listed(self):
        name = self.query().get("file", "")
        if name not in logs.available():
            return self._text("unknown log", 404)
        self._text(logs.tail(name))

    def page_log_grep(self):
        q = self.query()
        pattern = q.get("re", "")
        text = logs.tail(q.get("file", "syslog.log") if q.get("file") in logs.available() else "syslog.log", 5000)
        hits = [ln for ln in text.splitlines() if re.search(pattern, ln)]
        self._text("\n".join(hits))

    def page_log_grep_words(self):
        q = self.query()
        pattern = q.get("re", "")
        if not re.fullmatch(r"[\w :-]{1,40}", pattern):
            return self._text("only words, spaces, ':' and '-' please", 400)
        text = logs.tail(q.get("file", "syslog.log") if q.get("file") in logs.available() else "syslog.log", 5000)
        hits = [ln for ln in text.splitlines() if re.search(pattern, ln)]
        self._text("\n".join(hits))

    def page_find(self):
        term = self.query().get("q", "")
        matches = [u for u in config.UNITS + tuple(config.CONTAINERS) if term.lower() in u.lower()]
        items = "".join("<li>{}</li>".format(html.escape(m)) for m in matches)
        body = "<h2>Results for {}</h2><ul>{}</ul>".format(term, items)
        self._send(200, PAGE.format(title="search", body=body, theme="dark"))

    def page_find_escaped(self):
        term = self.query().get("q", "")
        matches = [u for u in config.UNITS + tuple(config.CONTAINERS) if term.lower() in u.lower()]
        items = "".join("<li>{}</li>".format(html.escape(m)) for m in matches)
        body = "<h2>Results for {}</h2><ul>{}</ul>".format(html.escape(term), items)
        self._send(200, PAGE.format(title="search", body=body, theme="dark"))

    def page_export(self):
        q = self.query()
        name = q.get("name", "labdash-export")
        data = json.dumps({"units": config.UNITS, "containers": config.CONTAINERS}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Disposition", f'attachment; filename="{name}.json"')
        self.end_headers()
        self.wfile.write(data)

    def page_export_clean(self):
        q = self.query()
        name = re.sub(r"[^A-Za-z0-9._-]", "_", q.get("name", "labdash-export"))
        data = json.dumps({"units": config.UNITS, "containers": config.CONTAINERS}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Disposition", f'attachment; filename="{name}.json"')
        self.end_headers()
        self.wfile.write(data)

    def page_theme(self):
        theme = self.query().get("t", "dark")
        self.send_response(303)
        self.send_header("Location", "/")
        self.send_header("Set-Cookie", "labdash_theme=" + theme + "; Path=/")
        self.end_headers()

    def page_theme_pick(self):
        theme = self.query().get("t", "dark")
        if theme not in config.THEMES:
            theme = "dark"
        self.send_response(303)
        self.send_header("Location", "/")
        self.send_header("Set-Cookie", "labdash_theme=" + theme + "; Path=/")
        self.end_headers()

    def _units_csv(self):
        rows = ["unit,active"]
        for unit in config.UNITS:
            state = probes.run(f"systemctl is-active {unit}").strip()
            rows.append(f"{unit},{state}")
        return "\n".join(rows) + "\n"

    def page_report_csv(self):
        title = self.query().get("title", "units")
        self._send(200, self._units_csv(), "text/csv", {"Content-Disposition": "attachment; filename=" + title + ".csv"})

    def page_report_csv_named(self):
        title = self.query().get("title", "units")
        self._send(200, self._units_csv(), "text/csv", {"Content-Disposition": "attachment; filename*=UTF-8''" + quote(title + ".csv")})

    def page_health(self):
        rid = self.query().get("rid") or uuid.uuid4().hex
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("X-Request-Id", rid)
        self.end_headers()
        self.wfile.write(b"ok\n")

    def page_health_traced(self):
        rid = self.query().get("rid", "")
        if not re.fullmatch(r"[0-9a-f-]{8,64}", rid):
            rid = uuid.uuid4().hex
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("X-Request-Id", rid)
        self.end_headers()
        self.wfile.write(b"ok\n")

    def page_wall(self):
        every = self.query().get("every", "30")
        if not every.isdigit():
            log.info("wall refresh interval %r is not a number, ignoring", every)
        body = f"<h1>{html.escape(probes.uptime())}</h1>"
        self._send(200, PAGE.format(title="wall", body=body, theme="dark"), extra={"Refresh": every})

    def page_wall_auto(self):
        try:
            every = max(5, min(int(self.query().get("every", "30")), 3600))
        except ValueError:
            every = 30
        body = f"<h1>{html.escape(probes.uptime())}</h1>"
        self._send(200, PAGE.format(title="wall", body=body, theme="dark"), extra={"Refresh": str(every)})

    def post_widget_rename(self):
        f = self.form()
        label = f.get("label", "")
        body = "<form method=post action='/widget/rename'><input name='label' value='%s'><button>save</button></form>" % html.escape(label, quote=False)
        self._send(200, body)

    def post_widget_rename_json(self):
        f = self.form()
        label = f.get("label", "")
        self._json({"ok": True, "label": label, "form": "<input name='label'>"})

    def post_login(self):
        f = self.form()
        user = f.get("user", "")
        if not auth.check(user, f.get("password", "")):
            log.warning("failed login for " + user + " from " + self.client_address[0])
            return self._text("no", 403)
        self._text("ok")

    def post_login_v2(self):
        f = self.form()
        user = f.get("user", "")
        if not auth.check(user, f.get("password", "")):
            log.warning("failed login for %r from %s", user, self.client_address[0])
            return self._text("no", 403)
        self._text("ok")

    def post_setup_user(self):
        f = self.form()
        auth.set_password_v1(f.get("user", "admin"), f["password"])
        self._json({"created": True})

    def post_account_password(self):
        f = self.form()
        auth.set_password(f.get("user", "admin"), f["password"])
        self._json({"changed": True})

    def log_message(self, fmt, *args):
        log.info("%s - %s", self.client_address[0], fmt % args)


def main():
    logging.basicConfig(level=logging.INFO)
    ThreadingHTTPServer(config.LISTEN, DashHandler).serve_forever()


if __name__ == "__main__":
    main()
