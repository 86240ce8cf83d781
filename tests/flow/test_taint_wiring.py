"""How projects wire their parts together: response helpers shared by handlers, services and
clients handed to the code that uses them, handlers looked up in a table of their own."""

from __future__ import annotations

from pathlib import Path

from tests.flow.test_taint import lines_of, marked, scan


def test_a_wsgi_response_helper_makes_each_handler_return_a_response(tmp_path: Path) -> None:
    """`html_response(start_response, body)` starts the response and hands back the body: each
    handler that returns it returns a page, and the finding is that handler's, not the helper's."""
    files = {
        "book/__init__.py": "",
        "book/request.py": """
            from urllib.parse import parse_qs

            class Request:
                def __init__(self, environ):
                    self.environ = environ
                    self.args = parse_qs(environ.get("QUERY_STRING", ""))

                def param(self, name, default=""):
                    values = self.args.get(name)
                    return values[0] if values else default
            """,
        "book/app.py": """
            import html
            from book.request import Request

            def html_response(start_response, body, status="200 OK", extra=None):
                headers = [("Content-Type", "text/html; charset=utf-8")] + list(extra or [])
                start_response(status, headers)
                return [body.encode("utf-8")]

            def text_response(start_response, body):
                start_response("200 OK", [("Content-Type", "text/plain")])
                return [body.encode("utf-8")]

            def handle_department(req, start_response):
                q = req.param("q")
                body = "<h2>Department: %s</h2>" % q
                return html_response(start_response, body)  # xss

            def handle_department_escaped(req, start_response):
                q = req.param("q")
                body = "<h2>Department: %s</h2>" % html.escape(q)
                return html_response(start_response, body)

            def handle_export(req, start_response):
                q = req.param("q")
                return text_response(start_response, "Department: %s\\n" % q)

            def application(environ, start_response):
                req = Request(environ)
                if req.environ.get("PATH_INFO") == "/export":
                    return handle_export(req, start_response)
                return handle_department_escaped(req, start_response)
            """,
    }
    assert lines_of(scan(tmp_path, files), "scripting") == marked(files, "xss")


def test_a_client_handed_to_a_route_factory_is_the_class_it_was_made_as(tmp_path: Path) -> None:
    """`setup_routes(app, Directory(...), PartnerClient(...))`: the routes defined inside use
    the objects they were given, whose methods run the query or make the request."""
    files = {
        "hub/__init__.py": "",
        "hub/clients.py": """
            import aiohttp
            from ldap3 import SUBTREE, Connection, Server

            class Directory:
                def __init__(self, url, bind_dn, password):
                    self.conn = Connection(Server(url), bind_dn, password, auto_bind=True)

                def search(self, base, flt, attrs):
                    self.conn.search(base, flt, search_scope=SUBTREE, attributes=attrs)
                    return [e.entry_attributes_as_dict for e in self.conn.entries]

            class PartnerClient:
                def __init__(self, session: aiohttp.ClientSession) -> None:
                    self.session = session

                async def get(self, url):
                    async with self.session.get(url) as resp:
                        return await resp.read()
            """,
        "hub/admin.py": """
            from aiohttp import web
            from ldap3.utils.conv import escape_filter_chars
            from hub.clients import Directory, PartnerClient

            FEEDS = {"stock": "https://feeds.example.com/stock.xml"}

            def setup_routes(app, directory, client):
                routes = web.RouteTableDef()

                @routes.get("/ldap/group")
                async def group(request):
                    name = request.query.get("group", "")
                    entries = directory.search("ou=groups", f"(cn={name})", ["member"])  # ldapi
                    return web.json_response(entries)

                @routes.get("/ldap/team")
                async def team(request):
                    name = escape_filter_chars(request.query.get("team", ""))
                    entries = directory.search("ou=groups", f"(cn={name})", ["member"])
                    return web.json_response(entries)

                @routes.get("/feeds/fetch")
                async def fetch(request):
                    url = request.query.get("url") or FEEDS["stock"]
                    return web.json_response({"bytes": len(await client.get(url))})  # ssrf

                @routes.get("/feeds/{feed}")
                async def named(request):
                    url = FEEDS.get(request.match_info["feed"])
                    if url is None:
                        raise web.HTTPNotFound()
                    return web.json_response({"bytes": len(await client.get(url))})

                app.add_routes(routes)

            def create_app(url, bind_dn, password, session):
                app = web.Application()
                setup_routes(app, Directory(url, bind_dn, password), PartnerClient(session))
                return app
            """,
    }
    found = scan(tmp_path, files)
    assert lines_of(found, "ldap") == marked(files, "ldapi")
    assert lines_of(found, "forgery") == marked(files, "ssrf")


def test_an_annotated_parameter_is_the_class_it_names(tmp_path: Path) -> None:
    """A function analysed on its own still knows what its annotated parameters are."""
    files = {
        "svc/__init__.py": "",
        "svc/repo.py": """
            import sqlite3

            class Repo:
                def __init__(self, path):
                    self.conn = sqlite3.connect(path)

                def find(self, where):
                    return self.conn.execute("SELECT * FROM t WHERE " + where).fetchall()
            """,
        "svc/routes.py": """
            from flask import Flask, request
            from svc.repo import Repo

            def register(app: Flask, repo: Repo) -> None:
                @app.get("/items")
                def items():
                    return {"rows": repo.find("name = '%s'" % request.args["name"])}  # sqli

                @app.get("/items/mine")
                def mine():
                    return {"rows": repo.find("owner = 1")}
            """,
    }
    assert lines_of(scan(tmp_path, files), "sql") == marked(files, "sqli")


def test_a_standard_library_import_is_not_another_apps_module_of_that_name(tmp_path: Path) -> None:
    """In a monorepo, `import html` in one app is the standard library even though another
    app has a `common/html.py`."""
    files = {
        "ops/__init__.py": "",
        "ops/common/__init__.py": "",
        "ops/common/html.py": """
            def table(rows):
                return "<table>" + "".join("<tr><td>%s</td></tr>" % r for r in rows) + "</table>"
            """,
        "book/__init__.py": "",
        "book/app.py": """
            import html

            def gone(environ, start_response):
                path = html.escape(environ.get("PATH_INFO", ""))
                start_response("410 Gone", [("Content-Type", "text/html")])
                return [("<p>%s was removed</p>" % path).encode()]

            def missing(environ, start_response):
                path = environ.get("PATH_INFO", "")
                start_response("404 Not Found", [("Content-Type", "text/html")])
                return [("<p>No page at %s</p>" % path).encode()]  # xss
            """,
    }
    assert lines_of(scan(tmp_path, files), "scripting") == marked(files, "xss")


def test_a_handler_looked_up_in_the_projects_own_table_runs(tmp_path: Path) -> None:
    """A CGI script picks its action from a table by the form's `action` field: whichever
    action it picks gets the client's form (`cgi.FieldStorage`)."""
    files = {
        "cgi-bin/upload.py": """
            import cgi
            import os
            import sys

            UPLOAD_DIR = "/srv/uploads"

            def action_store(form):
                item = form["document"]
                path = os.path.join(UPLOAD_DIR, item.filename)
                with open(path, "wb") as out:  # pathtraver
                    out.write(item.file.read())
                return "stored"

            def action_store_flat(form):
                item = form["document"]
                name = os.path.basename(item.filename or "")
                if name in ("", ".", ".."):
                    return "no file"
                with open(os.path.join(UPLOAD_DIR, name), "wb") as out:
                    out.write(item.file.read())
                return "stored"

            ACTIONS = {"store": action_store, "store_flat": action_store_flat}

            def main():
                form = cgi.FieldStorage()
                action = ACTIONS.get(form.getfirst("action", "store_flat"), action_store_flat)
                sys.stdout.write("Content-Type: text/plain\\r\\n\\r\\n" + action(form))
            """,
    }
    assert lines_of(scan(tmp_path, files), "path") == marked(files, "pathtraver")


def test_a_response_of_the_projects_own_making_is_what_its_server_sends(tmp_path: Path) -> None:
    """A small wiki on `http.server` with its own router: handlers return the project's
    `Response(body, status, headers)`, which the server writes out as it is; the analysis
    cannot follow the router's table, but what a handler returns is what the client gets."""
    files = {
        "wiki/__init__.py": "",
        "wiki/router.py": """
            import re
            from dataclasses import dataclass, field
            from typing import List, Tuple

            @dataclass
            class Response:
                body: bytes = b""
                status: int = 200
                headers: List[Tuple[str, str]] = field(default_factory=list)

                def header(self, name, value):
                    self.headers.append((name, value))
                    return self

            def html_response(text, status=200):
                return Response(text.encode("utf-8"), status,
                                [("Content-Type", "text/html; charset=utf-8")])

            def redirect_response(location, status=303):
                return Response(b"", status, [("Location", location)])

            class Router:
                def __init__(self):
                    self.routes = []

                def route(self, method, pattern):
                    compiled = re.compile("^" + pattern + "$")
                    def register(fn):
                        self.routes.append((method, compiled, fn))
                        return fn
                    return register

            router = Router()
            """,
        "wiki/pages.py": """
            from html import escape
            from urllib.parse import quote
            from .router import Response, html_response, redirect_response, router

            @router.route("GET", "/missing")
            def page_missing(req):
                name = req.query("title")
                return html_response("<p>No page called <b>" + name + "</b></p>", 404)  # xss

            @router.route("GET", "/gone")
            def page_gone(req):
                name = req.query("title")
                return html_response("<p>" + escape(name) + " was deleted</p>", 410)

            @router.route("GET", "/download")
            def download(req):
                name = req.query("name")
                resp = Response(b"...", 200, [("Content-Type", "text/markdown")])
                disposition = f'attachment; filename="{name}.md"'
                return resp.header("Content-Disposition", disposition)  # headeri

            @router.route("GET", "/export")
            def export(req):
                name = req.query("name")
                resp = Response(b"...", 200, [("Content-Type", "text/markdown")])
                return resp.header("Content-Disposition",
                                   "attachment; filename*=UTF-8''" + quote(name, safe=""))

            @router.route("GET", "/raw")
            def raw(req):
                text = req.query("text")
                return Response(text.encode(), 200, [("Content-Type", "text/plain")])

            @router.route("POST", "/save")
            def save(req):
                title = req.form().get("title", "")
                # a local page, but a line break in the title ends the header line
                return redirect_response("/wiki/" + title.replace(" ", "_"))  # headeri
            """,
    }
    found = scan(tmp_path, files)
    assert lines_of(found, "scripting") == marked(files, "xss")
    assert lines_of(found, "header") == marked(files, "headeri")
    assert not lines_of(found, "redirect")


def test_a_template_text_marking_a_variable_safe_renders_it_as_html(tmp_path: Path) -> None:
    """`render_template_string` escapes what it renders, except what the text marks `|safe`
    or renders inside `{% autoescape false %}`; a logger reached through the application is
    a logger."""
    files = {
        "desk/__init__.py": "",
        "desk/views.py": """
            from flask import Blueprint, current_app, jsonify, render_template_string, request

            bp = Blueprint("tickets", __name__)

            @bp.post("/preview")
            def preview():
                comment = request.form.get("comment", "")
                return render_template_string(  # xss
                    "<div class='comment'>{{ body|safe }}</div>", body=comment)

            @bp.post("/preview/plain")
            def preview_plain():
                comment = request.form.get("comment", "")
                return render_template_string("<div class='comment'>{{ body }}</div>",
                                              body=comment, title="Preview")

            @bp.post("/preview/raw")
            def preview_raw():
                return render_template_string(  # xss
                    "{% autoescape false %}<h1>{{ title }}</h1>{% endautoescape %}{{ body }}",
                    title=request.form.get("title", ""),
                    body=request.form.get("body", ""))

            @bp.post("/close")
            def close():
                resolution = request.form.get("resolution", "")
                current_app.logger.info("ticket closed: %s", resolution)  # logi
                return jsonify({"closed": True})
            """,
    }
    found = scan(tmp_path, files)
    assert lines_of(found, "scripting") == marked(files, "xss")
    assert lines_of(found, "log") == marked(files, "logi")


def test_values_the_server_parsed_signed_or_matched_are_not_the_clients_text(
        tmp_path: Path) -> None:
    """An IP address parsed by `ipaddress`, a file name reduced by `Path(...).name`, a token
    the server signed, and a viewset's lookup matched by its `lookup_value_regex`."""
    files = {
        "ops/__init__.py": "",
        "ops/views.py": """
            import ipaddress
            import subprocess
            from pathlib import Path
            from django.core import signing
            from django.http import FileResponse, Http404
            from flask import Flask, abort, request
            from rest_framework import viewsets
            from rest_framework.decorators import action

            app = Flask(__name__)
            ROOT = Path("/srv/files")

            @app.route("/traceroute")
            def traceroute():
                target = request.args.get("target", "")
                try:
                    addr = ipaddress.IPv4Address(target)
                except ValueError:
                    abort(400)
                return subprocess.run(["sh", "-c", "traceroute -n %s" % addr]).stdout

            @app.route("/traceroute/v6")
            def traceroute_v6():
                target = request.args.get("target", "")
                try:
                    addr = ipaddress.ip_address(target)  # an IPv6 scope id is any text
                except ValueError:
                    abort(400)
                return subprocess.run(["sh", "-c", "traceroute -n %s" % addr]).stdout  # cmdi

            @app.route("/traceroute/raw")
            def traceroute_raw():
                target = request.args.get("target", "")
                return subprocess.run(["sh", "-c", "traceroute -n %s" % target]).stdout  # cmdi

            @app.route("/inline/<name>")
            def inline(name):
                return open(ROOT / Path(name).name, "rb").read()

            @app.route("/attachment/<path:name>")
            def attachment(name):
                return open(ROOT / name, "rb").read()  # pathtraver

            class ExportViewSet(viewsets.ViewSet):
                @action(detail=False, methods=["get"])
                def signed(self, request):
                    payload = signing.loads(request.query_params.get("t", ""), max_age=3600)
                    return FileResponse(open(ROOT / str(payload["uid"]) / payload["file"], "rb"))

                @action(detail=False, methods=["get"])
                def unsigned(self, request):
                    name = request.query_params.get("file", "")
                    return FileResponse(open(ROOT / name, "rb"))  # pathtraver

            class AvatarViewSet(viewsets.ViewSet):
                lookup_value_regex = r"[0-9]+"

                def retrieve(self, request, pk):
                    path = ROOT / "avatars" / f"{pk}.jpg"
                    if not path.exists():
                        raise Http404
                    return FileResponse(open(path, "rb"))

            class BannerViewSet(viewsets.ViewSet):
                def retrieve(self, request, pk):
                    return FileResponse(open(ROOT / "banners" / f"{pk}.jpg", "rb"))  # pathtraver
            """,
    }
    found = scan(tmp_path, files)
    assert lines_of(found, "command") == marked(files, "cmdi")
    assert lines_of(found, "path") == marked(files, "pathtraver")


def test_a_configuration_the_client_sends_and_the_apps_template_environment(
        tmp_path: Path) -> None:
    """A notifier block pasted by the user is parsed with configparser: its options are the
    client's; a template compiled by the application's own environment is a template."""
    files = {
        "watch/__init__.py": "",
        "watch/handlers.py": """
            import configparser
            import requests
            from flask import Flask, current_app, jsonify, request

            app = Flask(__name__)

            @app.post("/notifier/test")
            def notifier_test():
                parser = configparser.ConfigParser()
                parser.read_string(request.get_data(as_text=True))
                url = parser.get("notifier", "url")
                return jsonify(status=requests.post(url, json={}).status_code)  # ssrf

            @app.post("/notifier/test-saved")
            def notifier_test_saved():
                parser = configparser.ConfigParser()
                parser.read("/etc/watch/notifier.ini")
                url = parser.get("notifier", "url")
                return jsonify(status=requests.post(url, json={}).status_code)

            @app.post("/pages/preview")
            def page_preview():
                page = current_app.jinja_env.from_string(request.form.get("content", ""))  # ssti
                return jsonify(html=page.render(site="wiki"))

            @app.post("/pages/preview-stored")
            def page_preview_stored():
                page = current_app.jinja_env.get_template("page.html")
                return jsonify(html=page.render(body=request.form.get("content", "")))
            """,
    }
    found = scan(tmp_path, files)
    assert lines_of(found, "forgery") == marked(files, "ssrf")
    assert lines_of(found, "template") == marked(files, "ssti")


def test_a_name_checked_to_hold_no_syntax_stays_safe_in_quotes_and_in_a_host(
        tmp_path: Path) -> None:
    """A name matched by `[A-Za-z0-9_-]+` cannot close the quotes it is put between, and a
    bucket matched as a host label keeps the request under the server's own domain."""
    files = {
        "data/__init__.py": "",
        "data/routes.py": """
            import re
            import subprocess
            import requests
            from fastapi import APIRouter, HTTPException

            router = APIRouter()
            NAME_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")

            def sh(command):
                return subprocess.run(command, shell=True, capture_output=True, text=True).stdout

            @router.post("/{name}/checksum")
            def checksum(name: str):
                if not NAME_RE.fullmatch(name):
                    raise HTTPException(400, "invalid name")
                return {"sum": sh(f"sha256sum '/srv/exports/{name}.csv'")}

            @router.post("/{name}/compress")
            def compress(name: str):
                return {"out": sh(f"gzip -kf '/srv/exports/{name}.csv'")}  # cmdi

            @router.get("/team-buckets/{bucket}/{key:path}")
            def team_bucket(bucket: str, key: str):
                if not re.fullmatch(r"[a-z0-9-]{3,63}", bucket):
                    raise HTTPException(400, "invalid bucket")
                return requests.get(f"https://{bucket}.minio.example.com/{key}").json()

            @router.get("/buckets/{bucket}/{key:path}")
            def bucket(bucket: str, key: str):
                return requests.get(f"https://{bucket}.minio.example.com/{key}").json()  # ssrf
            """,
    }
    found = scan(tmp_path, files)
    assert lines_of(found, "command") == marked(files, "cmdi")
    assert lines_of(found, "forgery") == marked(files, "ssrf")


def test_text_encoded_to_letters_and_digits_breaks_no_header(tmp_path: Path) -> None:
    files = {
        "book/__init__.py": "",
        "book/app.py": """
            import base64

            def remember(environ, start_response):
                q = environ.get("QUERY_STRING", "")
                start_response("200 OK", [("Set-Cookie", "last=%s; Path=/" % q)])  # headeri
                return [b"saved"]

            def remember_encoded(environ, start_response):
                q = base64.urlsafe_b64encode(environ.get("QUERY_STRING", "").encode()).decode()
                start_response("200 OK", [("Set-Cookie", "last=%s; Path=/" % q)])
                return [b"saved"]
            """,
    }
    assert lines_of(scan(tmp_path, files), "header") == marked(files, "headeri")


def test_a_class_named_by_a_views_attribute_is_made_and_run(tmp_path: Path) -> None:
    """`repository_class = LeaderboardRepository` on a viewset: `self.repository_class(...)` is
    that class, and its methods run."""
    files = {
        "board/__init__.py": "",
        "board/repository.py": """
            from django.db import connection

            class LeaderboardRepository:
                def __init__(self, period_days=7):
                    self.period_days = period_days

                def top(self, region, limit=50):
                    sql = "SELECT id, name FROM scores WHERE region = '%s' LIMIT %d" % (
                        region, limit)
                    with connection.cursor() as cursor:
                        cursor.execute(sql)  # sink
                        return cursor.fetchall()

                def among(self, ids):
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT id, name FROM scores WHERE id = ANY(%s)", [ids])
                        return cursor.fetchall()
            """,
        "board/views.py": """
            from rest_framework import viewsets
            from rest_framework.response import Response
            from board.repository import LeaderboardRepository

            class LeaderboardViewSet(viewsets.ViewSet):
                repository_class = LeaderboardRepository

                def list(self, request):
                    repo = self.repository_class(period_days=7)
                    return Response(repo.top(request.query_params.get("region", "")))  # sqli

                def friends(self, request):
                    repo = self.repository_class(period_days=7)
                    return Response(repo.among(request.query_params.getlist("id")))
            """,
    }
    assert lines_of(scan(tmp_path, files), "sql") == marked(files, "sqli")


def test_a_content_type_or_location_written_raw_is_a_header_line(tmp_path: Path) -> None:
    """`send_header` writes its value as it is: a client's content type or redirect target
    with a line break in it ends the header line like any other value."""
    files = {"srv.py": """
        from http.server import BaseHTTPRequestHandler
        from urllib.parse import parse_qs, urlparse

        TYPES = {"txt": "text/plain", "md": "text/markdown"}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                qs = parse_qs(urlparse(self.path).query)
                self.send_response(200)
                self.send_header("Content-Type", qs.get("type", ["text/plain"])[0])  # headeri
                self.end_headers()

            def do_HEAD(self):
                qs = parse_qs(urlparse(self.path).query)
                self.send_response(200)
                kind = TYPES.get(qs.get("type", ["txt"])[0], "text/plain")
                self.send_header("Content-Type", kind)
                self.end_headers()

            def do_POST(self):
                qs = parse_qs(urlparse(self.path).query)
                self.send_response(303)
                self.send_header("Location", "/pages/" + qs.get("next", [""])[0])  # headeri
                self.end_headers()
        """}
    found = scan(tmp_path, files)
    assert lines_of(found, "header") == marked(files, "headeri")
    assert not lines_of(found, "redirect")


def test_a_projects_own_session_store_is_the_session(tmp_path: Path) -> None:
    """A WSGI application keeps sessions server-side in a module of its own: the mapping its
    `load` hands back is the session."""
    files = {
        "book/__init__.py": "",
        "book/session.py": """
            import json
            SESSIONS = {}

            def load(sid):
                return json.loads(SESSIONS.get(sid, "{}"))

            def save(sid, data):
                SESSIONS[sid] = json.dumps(data)
            """,
        "book/app.py": """
            from urllib.parse import parse_qs
            from book import session

            DEPARTMENTS = ("sales", "support")

            def set_department(environ, start_response):
                dept = parse_qs(environ.get("QUERY_STRING", "")).get("dept", [""])[0]
                data = session.load(environ.get("HTTP_COOKIE", ""))
                data["dept"] = dept  # trustbound
                session.save(environ.get("HTTP_COOKIE", ""), data)
                start_response("200 OK", [("Content-Type", "text/plain")])
                return [b"saved"]

            def set_department_checked(environ, start_response):
                dept = parse_qs(environ.get("QUERY_STRING", "")).get("dept", [""])[0]
                data = session.load(environ.get("HTTP_COOKIE", ""))
                if dept in DEPARTMENTS:
                    data["dept"] = dept
                session.save(environ.get("HTTP_COOKIE", ""), data)
                start_response("200 OK", [("Content-Type", "text/plain")])
                return [b"saved"]
            """,
    }
    assert lines_of(scan(tmp_path, files), "trust") == marked(files, "trustbound")


def test_a_group_of_a_match_is_as_safe_as_its_part_of_the_pattern(tmp_path: Path) -> None:
    """`name, op, threshold = CONDITION_RE.fullmatch(text).groups()`: the operator group can
    only be one of the operators the pattern lists, the name group any word."""
    files = {"alerts.py": """
        import re
        from flask import Flask, abort, request

        app = Flask(__name__)
        CONDITION_RE = re.compile(r"(\\w+)\\s*(<|>|==)\\s*(\\d+(?:\\.\\d+)?)")

        @app.post("/preview")
        def preview():
            match = CONDITION_RE.fullmatch(request.form.get("condition", "").strip())
            if match is None:
                abort(400)
            name, op, threshold = match.groups()
            return str(eval("%r %s %r" % (1.0, op, float(threshold)), {"__builtins__": {}}))

        @app.post("/preview-named")
        def preview_named():
            match = CONDITION_RE.fullmatch(request.form.get("condition", "").strip())
            if match is None:
                abort(400)
            return str(eval("metrics['%s'] > 1" % match.group(1), {"metrics": {}}))

        @app.post("/preview-any")
        def preview_any():
            match = re.match(r"(.+)", request.form.get("condition", ""))
            return str(eval(match.group(1), {"__builtins__": {}}))  # codeinj
        """}
    assert lines_of(scan(tmp_path, files), "code-injection") == marked(files, "codeinj")


def test_an_expression_whose_every_node_was_checked_runs_no_code(tmp_path: Path) -> None:
    """A small calculator parses the client's expression and checks every node against a list
    of arithmetic node types before it compiles and evaluates it; a list that lets calls
    through checks nothing."""
    files = {"calc.py": """
        import ast
        from flask import Flask, abort, request

        app = Flask(__name__)
        ARITHMETIC = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Add, ast.Sub,
                      ast.Mult, ast.Div, ast.USub)
        LOOSE = (ast.Expression, ast.BinOp, ast.Call, ast.Name, ast.Load, ast.Constant)

        def checked(text, allowed):
            tree = ast.parse(text, mode="eval")
            for node in ast.walk(tree):
                if not isinstance(node, allowed):
                    raise ValueError(type(node).__name__)
            return tree

        @app.post("/calc")
        def calc():
            tree = ast.parse(request.form.get("expr", ""), mode="eval")
            for node in ast.walk(tree):
                if not isinstance(node, ARITHMETIC):
                    abort(400)
            return str(eval(compile(tree, "<calc>", "eval"), {"__builtins__": {}}))

        @app.post("/calc/loose")
        def calc_loose():
            tree = ast.parse(request.form.get("expr", ""), mode="eval")
            for node in ast.walk(tree):
                if not isinstance(node, LOOSE):
                    raise ValueError(type(node).__name__)
            return str(eval(compile(tree, "<calc>", "eval")))  # codeinj

        @app.post("/calc/unchecked")
        def calc_unchecked():
            tree = ast.parse(request.form.get("expr", ""), mode="eval")
            return str(eval(compile(tree, "<calc>", "eval")))  # codeinj
        """}
    assert lines_of(scan(tmp_path, files), "code-injection") == marked(files, "codeinj")


def test_a_django_storage_keeps_names_in_its_directory(tmp_path: Path) -> None:
    """Django's FileResponse streams a file object: the `open` that made it is the sink, and a
    FileSystemStorage refuses a name that leaves its location."""
    files = {
        "books/__init__.py": "",
        "books/views.py": """
            from django.conf import settings
            from django.core.files.storage import FileSystemStorage
            from django.http import FileResponse, Http404

            def sample(request):
                name = request.GET.get("file", "")
                storage = FileSystemStorage(location=settings.SAMPLE_ROOT)
                if not storage.exists(name):
                    raise Http404("no such sample")
                return FileResponse(storage.open(name, "rb"))

            def sample_raw(request):
                name = request.GET.get("file", "")
                return FileResponse(open(settings.SAMPLE_ROOT + "/" + name, "rb"))  # pathtraver
            """,
    }
    assert lines_of(scan(tmp_path, files), "path") == marked(files, "pathtraver")


def test_highlighted_code_and_an_uploaded_file_are_not_the_clients_markup_or_path(
        tmp_path: Path) -> None:
    files = {
        "paste/__init__.py": "",
        "paste/views.py": """
            import os
            import zipfile
            from django import forms
            from django.conf import settings
            from django.http import HttpResponse
            from pygments import highlight
            from pygments.formatters import HtmlFormatter
            from pygments.lexers import get_lexer_by_name

            class ImportForm(forms.Form):
                archive = forms.FileField()
                folder = forms.CharField()

            def show(request):
                code = request.GET.get("code", "")
                html = highlight(code, get_lexer_by_name("python"), HtmlFormatter())
                return HttpResponse(html)

            def show_raw(request):
                return HttpResponse("<pre>%s</pre>" % request.GET.get("code", ""))  # xss

            def import_archive(request):
                form = ImportForm(request.POST, request.FILES)
                if not form.is_valid():
                    return HttpResponse("bad", status=400)
                with zipfile.ZipFile(form.cleaned_data["archive"]) as zf:
                    names = zf.namelist()
                dest = os.path.join(settings.IMPORT_ROOT, form.cleaned_data["folder"])
                with open(os.path.join(dest, "index.txt"), "w") as out:  # pathtraver
                    out.write("\\n".join(names))
                return HttpResponse("ok")
            """,
    }
    found = scan(tmp_path, files)
    assert lines_of(found, "scripting") == marked(files, "xss")
    assert lines_of(found, "path") == marked(files, "pathtraver")


def test_a_method_picked_from_several_runs_on_its_own_object(tmp_path: Path) -> None:
    files = {"srv.py": """
        import subprocess
        from http.server import BaseHTTPRequestHandler
        from urllib.parse import parse_qs, urlparse

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                query = parse_qs(urlparse(self.path).query)
                action = self._ping if self.path.startswith("/ping") else self._uptime
                action(query)

            def _ping(self, query):
                host = query.get("host", ["localhost"])[0]
                subprocess.run("ping -c 1 " + host, shell=True)  # cmdi

            def _uptime(self, query):
                subprocess.run("uptime", shell=True)
        """}
    assert lines_of(scan(tmp_path, files), "command") == marked(files, "cmdi")
