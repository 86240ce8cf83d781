"""Shapes of real applications the analysis must tell apart: checks written as functions,
parameters the framework converts, quoting undone by its context, callbacks."""

from __future__ import annotations

from pathlib import Path

from secsdlc.normalize import merge_duplicates
from tests.flow.test_taint import lines_of, marked, scan


def test_a_check_written_as_a_project_function_guards_its_caller(tmp_path: Path) -> None:
    files = {
        "svc/__init__.py": "",
        "svc/checks.py": """
            from urllib.parse import urlparse
            ALLOWED_HOSTS = {"hooks.example.com", "api.example.com"}

            def host_allowed(url):
                parsed = urlparse(url)
                return parsed.scheme == "https" and parsed.hostname in ALLOWED_HOSTS

            def scheme_allowed(url):
                return urlparse(url).scheme in ("http", "https")
            """,
        "svc/views.py": """
            import requests
            from flask import Flask, request, abort
            from .checks import host_allowed, scheme_allowed
            app = Flask(__name__)

            @app.post("/hook")
            def hook():
                url = request.form["url"]
                if not host_allowed(url):
                    abort(400)
                return str(requests.post(url, json={}).status_code)

            @app.post("/fetch")
            def fetch():
                url = request.form["url"]
                if not scheme_allowed(url):
                    abort(400)
                return str(requests.get(url).status_code)  # ssrf
            """}
    assert lines_of(scan(tmp_path, files), "forgery") == marked(files, "ssrf")


def test_parameters_the_framework_converts_are_not_text(tmp_path: Path) -> None:
    files = {
        "shop/__init__.py": "",
        "shop/urls.py": """
            from django.urls import path
            from . import views
            urlpatterns = [
                path("orders/<int:pk>/", views.order),
                path("orders/by/<str:customer>/", views.by_customer),
                path("orders/in/<slug:region>/", views.by_region),
            ]
            """,
        "shop/views.py": """
            from django.db import connection
            from django.http import JsonResponse

            def order(request, pk):
                with connection.cursor() as cur:
                    cur.execute(f"SELECT * FROM orders WHERE id = {pk}")
                    return JsonResponse({"rows": cur.fetchall()})

            def by_customer(request, customer):
                with connection.cursor() as cur:
                    cur.execute(f"SELECT * FROM orders WHERE c = '{customer}'")  # sqli
                    return JsonResponse({"rows": cur.fetchall()})

            def by_region(request, region):
                with connection.cursor() as cur:
                    cur.execute(f"SELECT * FROM orders WHERE r = '{region}'")
                    return JsonResponse({"rows": cur.fetchall()})

            def helper(request, table):
                with connection.cursor() as cur:
                    cur.execute(f"SELECT count(*) FROM {table}")
            """,
        "api/__init__.py": "",
        "api/main.py": """
            from fastapi import FastAPI
            import sqlite3
            app = FastAPI()
            db = sqlite3.connect("x")

            @app.get("/items/{item_id}")
            def item(item_id: int, q: str = ""):
                db.execute(f"SELECT * FROM items WHERE id = {item_id}")
                db.execute(f"SELECT * FROM items WHERE name = '{q}'")  # sqli
                return {}
            """}
    assert lines_of(scan(tmp_path, files), "sql") == marked(files, "sqli")


def test_shell_quoting_inside_double_quotes_and_shells_given_a_list(tmp_path: Path) -> None:
    files = {"ops.py": """
        import shlex, subprocess
        from flask import Flask, request
        app = Flask(__name__)

        @app.route("/a")
        def quoted():
            name = shlex.quote(request.args["n"])
            return subprocess.check_output(f"grep {name} /var/log/app.log", shell=True)

        @app.route("/b")
        def nested():
            name = shlex.quote(request.args["n"])
            cmd = f'bash -c "grep {name} /var/log/app.log"'
            return subprocess.check_output(cmd, shell=True)  # cmdi

        @app.route("/c")
        def argv():
            return subprocess.check_output(["grep", "--", request.args["n"], "/var/log/a"])

        @app.route("/d")
        def shell_list():
            unit = request.args["unit"]
            return subprocess.check_output(["sh", "-c", f"systemctl status {unit}"])  # cmdi
        """}
    assert lines_of(scan(tmp_path, files), "command") == marked(files, "cmdi")


def test_callbacks_run_with_the_arguments_they_are_handed(tmp_path: Path) -> None:
    files = {
        "media/__init__.py": "",
        "media/jobs.py": """
            import subprocess

            def waveform(path):
                return subprocess.call(f"audiowaveform -i {path}", shell=True)
            """,
        "media/handlers.py": """
            import asyncio
            from aiohttp import web
            from . import jobs
            routes = web.RouteTableDef()

            @routes.get("/waveform/{name}")
            async def waveform(request):
                name = request.match_info["name"]
                loop = asyncio.get_running_loop()
                code = await loop.run_in_executor(None, jobs.waveform, name)  # cmdi
                return web.json_response({"ok": code == 0})
            """}
    assert lines_of(scan(tmp_path, files), "command") == marked(files, "cmdi")


def test_escaping_that_fits_its_context_and_escaping_that_does_not(tmp_path: Path) -> None:
    files = {"pages.py": """
        import html, logging, re
        from flask import Flask, request
        from markupsafe import Markup
        app = Flask(__name__)
        log = logging.getLogger(__name__)

        @app.route("/badge")
        def badge():
            return Markup('<span class="badge">{}</span>').format(request.args["label"])

        @app.route("/field")
        def field():
            value = html.escape(request.args["q"], quote=False)
            return f'<input name="q" value="{value}">'  # xss

        @app.route("/note")
        def note():
            text = re.sub(r"[\\r\\n]+", " ", request.args["text"])
            log.info("note: %s", text)
            raw = request.args["text"]
            log.info("raw note: %s", raw)  # logi
            return "ok"
        """}
    out = scan(tmp_path, files)
    assert lines_of(out, "scripting") == marked(files, "xss")
    assert lines_of(out, "log") == marked(files, "logi")


def test_a_compiled_allow_list_guards_like_the_function_it_compiles(tmp_path: Path) -> None:
    files = {"tools.py": """
        import os, re
        from flask import Flask, request, abort
        app = Flask(__name__)
        HOST = re.compile(r"[a-z0-9.-]{1,63}")
        LOOSE = re.compile(r"[a-z0-9.-]+")

        @app.route("/ping")
        def ping():
            host = request.args["host"]
            if not HOST.fullmatch(host):
                abort(400)
            return os.popen("ping -c1 " + host).read()

        @app.route("/trace")
        def trace():
            host = request.args["host"]
            if not LOOSE.match(host):
                abort(400)
            return os.popen("traceroute " + host).read()  # cmdi
        """}
    assert lines_of(scan(tmp_path, files), "command") == marked(files, "cmdi")


def test_paths_kept_inside_a_base_and_parameters_the_framework_validates(tmp_path: Path) -> None:
    files = {"files.py": """
        import os, re, subprocess
        from fastapi import FastAPI, Query
        app = FastAPI()
        ROOT = "/srv/static"

        @app.get("/static")
        def static(name: str):
            root = os.path.realpath(ROOT)
            path = os.path.realpath(os.path.join(root, name))
            if os.path.commonpath([root, path]) != root:
                return None
            return open(path).read()

        @app.get("/raw")
        def raw(name: str):
            return open(os.path.join(ROOT, name)).read()  # pathtraver

        @app.get("/grep")
        def grep(word: str = Query("", pattern=r"^[a-z]{1,20}$")):
            return subprocess.check_output("grep " + word + " /srv/words", shell=True)

        @app.get("/grep-loose")
        def grep_loose(word: str = Query("", pattern=r"[a-z]+")):
            return subprocess.check_output("grep " + word + " /srv/words", shell=True)  # cmdi
        """}
    out = scan(tmp_path, files)
    assert lines_of(out, "path-traversal") == marked(files, "pathtraver")
    assert lines_of(out, "command") == marked(files, "cmdi")


def test_objects_that_store_and_hand_back_a_value(tmp_path: Path) -> None:
    files = {"store.py": """
        import configparser, io, os
        from functools import wraps
        from flask import Flask, request
        app = Flask(__name__)

        class Holder:
            def __init__(self, value):
                self.value = value

            def get(self):
                return self.value

        def audited(fn):
            @wraps(fn)
            def inner(*args, **kwargs):
                return fn(*args, **kwargs)
            return inner

        @app.route("/cfg")
        def cfg():
            conf = configparser.ConfigParser()
            conf.add_section("s")
            conf.set("s", "safe", "ls")
            conf.set("s", "given", request.args["c"])
            os.system(conf.get("s", "safe"))
            os.system(conf.get("s", "given"))  # cmdi

        @app.route("/buf")
        def buf():
            out = io.StringIO()
            out.write(request.args["c"])
            os.system(out.getvalue())  # cmdi

        @app.route("/obj")
        @audited
        def obj():
            keep = Holder(request.args["c"])
            other = Holder("uptime")
            os.system(other.get())
            os.system(keep.get())  # cmdi

        @app.route("/const")
        def const():
            param = request.args["c"]
            x = "constant"
            bar = param if "word" in x else "safe"
            os.system(bar)
        """}
    assert lines_of(scan(tmp_path, files), "command") == marked(files, "cmdi")


def test_framework_plumbing_is_not_a_request_handler(tmp_path: Path) -> None:
    files = {
        "plugin.py": """
            import os

            def post(fn):
                return fn

            @post
            def write_idents(options, file_config):
                open(options.write_idents, "w").write("x")
            """,
        "middleware.py": """
            class Prefix:
                def __init__(self, app):
                    self.app = app

            def application(environ, start_response):
                inner = make_app()
                return inner(environ, start_response)

            def echo(environ, start_response):
                start_response("200 OK", [("Content-Type", "text/html")])
                return [environ["QUERY_STRING"].encode()]  # xss
            """,
    }
    out = scan(tmp_path, files)
    assert not lines_of(out, "path-traversal")
    assert lines_of(out, "scripting") == marked(files, "xss")


def test_a_callable_chosen_by_the_request_returns_what_it_is_given(tmp_path: Path) -> None:
    """A static-file middleware picks a loader by the request path; the loader's own results
    (file times and sizes) are not the path, but what it is handed still flows through it."""
    files = {
        "files/__init__.py": "",
        "files/serve.py": """
            import os
            import subprocess
            import zlib

            class StaticFiles:
                def __init__(self, app, exports):
                    self.app = app
                    self.exports = exports

                def __call__(self, environ, start_response):
                    path = environ.get("PATH_INFO", "")
                    for prefix, loader in self.exports.items():
                        if path.startswith(prefix):
                            name, opener = loader(path[len(prefix):])
                            break
                    else:
                        return self.app(environ, start_response)
                    handle, mtime, size = opener()
                    etag = "%x-%d-%d" % (zlib.adler32(name.encode()), mtime, size)
                    start_response("200 OK", [("ETag", etag)])
                    return [handle.read()]

            def thumbnail(environ, start_response):
                convert = environ["thumbnail.converter"]
                name = environ.get("QUERY_STRING", "")
                result = convert(name)
                subprocess.run("convert " + result, shell=True)  # cmdi
                start_response("200 OK", [("Content-Type", "image/png")])
                return [b""]
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "header") == set()
    assert lines_of(found, "command") == marked(files, "cmdi")


def test_a_shell_chosen_by_the_arguments_type_is_off_for_an_argument_list(tmp_path: Path) -> None:
    files = {
        "ops/__init__.py": "",
        "ops/tools.py": """
            import subprocess

            def run(command):
                return subprocess.run(command, shell=isinstance(command, str),
                                      capture_output=True).stdout
            """,
        "ops/views.py": """
            from flask import Flask, request
            from .tools import run
            app = Flask(__name__)

            @app.route("/trace")
            def trace():
                return run(["traceroute", "-m", "15", request.args["host"]])

            @app.route("/ping")
            def ping():
                return run("ping -c 1 " + request.args["host"])  # cmdi
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "command") == marked(files, "cmdi")
    callers = {(step.location.path, step.location.start_line)
               for f in found.findings  # type: ignore[attr-defined]
               for step in f.flow if step.location.path == "ops/views.py"}
    assert callers and all(line >= 10 for _, line in callers)  # from /ping only


def test_an_allow_list_built_as_a_frozenset_in_settings_guards(tmp_path: Path) -> None:
    files = {
        "console/__init__.py": "",
        "console/settings.py": """
            MANAGED_UNITS = frozenset({"nginx", "postgresql", "redis-server"})
            RETIRED = set(["cron", "atd"]) | {"exim"}
            """,
        "console/views.py": """
            import os
            from aiohttp import web
            from . import settings

            async def tail(request):
                unit = request.match_info["unit"]
                if unit not in settings.MANAGED_UNITS:
                    raise web.HTTPNotFound(text="not a managed unit")
                os.system(f"journalctl -u {unit}")
                return web.Response(text="ok")

            async def purge(request):
                unit = request.match_info["unit"]
                if unit not in settings.RETIRED:
                    os.system(f"systemctl stop {unit}")  # cmdi
                return web.Response(text="ok")

            def setup(app):
                app.router.add_get("/tail/{unit}", tail)
                app.router.add_get("/purge/{unit}", purge)
            """}
    assert lines_of(scan(tmp_path, files), "command") == marked(files, "cmdi")


def test_a_resolved_path_checked_against_its_parents_stays_under_the_base(tmp_path: Path) -> None:
    files = {"files.py": """
        from pathlib import Path
        from flask import Flask, request, send_file, abort
        app = Flask(__name__)
        RELEASES = Path("/srv/releases")

        @app.route("/release")
        def release():
            root = RELEASES.resolve()
            path = (root / request.args["file"]).resolve()
            if root not in path.parents or not path.is_file():
                abort(404)
            return send_file(path)

        @app.route("/any")
        def anywhere():
            root = Path(request.args["root"]).resolve()
            path = (root / request.args["file"]).resolve()
            if root not in path.parents:
                abort(404)
            return send_file(path)  # pathtraver

        @app.route("/unresolved")
        def unresolved():
            root = RELEASES.resolve()
            path = root / request.args["file"]
            if root not in path.parents:
                abort(404)
            return send_file(path)  # pathtraver
        """}
    assert lines_of(scan(tmp_path, files), "path") == marked(files, "pathtraver")


def test_class_based_views_read_converted_url_parameters_as_numbers(tmp_path: Path) -> None:
    files = {
        "wiki/__init__.py": "",
        "wiki/urls.py": """
            from django.urls import path, re_path
            from . import pages
            urlpatterns = [
                path("pages/<int:page_id>/revisions/", pages.Revisions.as_view()),
                path("pages/<slug:slug>/history/", pages.History.as_view()),
                path("tags/<int:tag_id>/", pages.Tagged.as_view()),
                re_path(r"^tags/(?P<tag_id>[^/]+)/all/$", pages.Tagged.as_view()),
            ]
            """,
        "wiki/pages.py": """
            from django.views.generic import ListView
            from .models import Revision

            class Revisions(ListView):
                def get_queryset(self):
                    page_id = self.kwargs["page_id"]
                    return Revision.objects.extra(where=[f"page_id = {page_id}"])

            class History(ListView):
                def get_queryset(self):
                    slug = self.kwargs["slug"]
                    return Revision.objects.extra(where=[f"slug = '{slug}'"])  # sqli

            class Tagged(ListView):
                def get_queryset(self):
                    tag = self.kwargs.get("tag_id")
                    return Revision.objects.extra(where=[f"tag_id = {tag}"])  # sqli
            """,
        "wiki/models.py": """
            from django.db import models

            class Revision(models.Model):
                body = models.TextField()
            """}
    assert lines_of(scan(tmp_path, files), "sql") == marked(files, "sqli")


def test_pathlib_reads_split_paths_and_plain_text_responses(tmp_path: Path) -> None:
    """A path object is what `read_text()` opens; `split("/", 1)` leaves slashes in its last
    part; a body declared text/plain is not HTML, whether said at construction or after."""
    files = {"files.py": """
        import os
        from pathlib import Path
        from flask import Flask, Response, abort, request, send_file
        app = Flask(__name__)
        ARTEFACTS = Path("/srv/artefacts")
        SECTIONS = ("specs", "minutes")

        @app.route("/log/<path:relpath>")
        def build_log(relpath):
            target = (ARTEFACTS / relpath).resolve()
            if not target.exists():
                abort(404)
            return Response(target.read_bytes(), mimetype="text/plain")  # pathtraver

        @app.route("/raw")
        def raw():
            return (ARTEFACTS / request.args["name"]).read_text()  # pathtraver

        @app.route("/doc")
        def doc():
            section, name = request.args.get("path", "specs/a.pdf").split("/", 1)
            if section not in SECTIONS:
                abort(404)
            return send_file(os.path.join("/srv/docs", section, name))  # pathtraver

        @app.route("/leaf")
        def leaf():
            name = request.args["path"].split("/")[-1]
            return send_file(os.path.join("/srv/docs", name))

        @app.route("/echo")
        def echo():
            return Response(request.args["text"], mimetype="text/plain")

        @app.route("/echo2")
        def echo2():
            response = Response(request.args["text"])
            response.mimetype = "text/plain"
            return response

        @app.route("/page")
        def page():
            return Response(request.args["text"])  # xss
        """}
    found = scan(tmp_path, files)
    assert lines_of(found, "path") == marked(files, "pathtraver")
    assert lines_of(found, "cross-site") == marked(files, "xss")



def test_quoting_and_stripping_undone_by_their_context(tmp_path: Path) -> None:
    """A `shlex.quote`d value inside single quotes has its own quotes close them; removing
    "../" once leaves "../" behind in "....//"."""
    files = {"tools.py": r"""
        import os, shlex, subprocess
        from flask import Flask, request
        app = Flask(__name__)

        @app.route("/a")
        def a():
            p = request.args["p"]
            os.system("grep -m 20 -- '%s' /var/log/app.log" % shlex.quote(p))  # cmdi
            return "x"

        @app.route("/b")
        def b():
            p = request.args["p"]
            os.system("grep -m 20 -- %s /var/log/app.log" % shlex.quote(p))
            return "x"

        @app.route("/c")
        def c():
            p = request.args["p"]
            os.system(f"echo '{shlex.quote(p)}'")  # cmdi
            return "x"

        @app.route("/d")
        def d():
            p, q = request.args["p"], request.args["q"]
            os.system("cp %s '%s'" % (shlex.quote(p), shlex.quote(q)))  # cmdi
            return "x"

        @app.route("/e")
        def e():
            p = request.args["p"]
            os.system("echo \"it's\" %s" % shlex.quote(p))
            return "x"

        @app.route("/f")
        def f():
            t = request.args["t"].replace("../", "")
            return open("/srv/" + t).read()  # pathtraver
        """}
    found = scan(tmp_path, files)
    assert lines_of(found, "command") == marked(files, "cmdi")
    assert lines_of(found, "path") == marked(files, "pathtraver")


def test_safe_join_keeps_a_request_path_under_its_base(tmp_path: Path) -> None:
    files = {"docs.py": """
        from pathlib import Path
        from django.http import FileResponse, HttpResponse
        from django.utils._os import safe_join
        from django.views.generic import View

        TEMPLATE_DIRS = ["/srv/templates"]

        class TemplateSource(View):
            def get(self, request, template):
                for directory in TEMPLATE_DIRS:
                    source = Path(safe_join(directory, template))
                    if source.exists():
                        return HttpResponse(source.read_text(), content_type="text/plain")
                return HttpResponse(status=404)

        def serve(request, path):
            fullpath = Path(safe_join("/srv/static", path))
            return FileResponse(fullpath.open("rb"))

        def anywhere(request):
            base = request.GET["base"]
            return FileResponse(open(safe_join(base, request.GET["name"]), "rb"))  # pathtraver
        """,
        "urls.py": """
        from django.urls import path
        import docs
        urlpatterns = [path("t/<path:template>", docs.TemplateSource.as_view()),
                       path("s/<path:path>", docs.serve), path("a/", docs.anywhere)]
        """}
    assert lines_of(scan(tmp_path, files), "path") == marked(files, "pathtraver")


def test_the_library_scanned_as_the_project_keeps_its_safe_join_model(tmp_path: Path) -> None:
    """Scanning Django's own tree: its safe_join raises rather than leave the base, which the
    analysis cannot prove from the body alone (a base of "/" allows anything)."""
    files = {
        "django/__init__.py": "",
        "django/utils/__init__.py": "",
        "django/utils/_os.py": """
            from os.path import abspath, dirname, join, normcase, sep

            def safe_join(base, *paths):
                final_path = abspath(join(base, *paths))
                base_path = abspath(base)
                if (not normcase(final_path).startswith(normcase(base_path + sep))
                        and normcase(final_path) != normcase(base_path)
                        and dirname(normcase(base_path)) != normcase(base_path)):
                    raise ValueError(final_path)
                return final_path
            """,
        "django/views/__init__.py": "",
        "django/views/static.py": """
            from pathlib import Path
            from django.http import FileResponse
            from django.utils._os import safe_join

            def serve(request, path, document_root=None):
                fullpath = Path(safe_join(document_root, path))
                return FileResponse(fullpath.open("rb"))

            def raw(request, path):
                return FileResponse(open("/srv/" + path, "rb"))  # pathtraver
            """,
        "urls.py": """
            from django.urls import path
            from django.views import static
            urlpatterns = [path("s/<path:path>", static.serve),
                           path("r/<path:path>", static.raw)]
            """}
    assert lines_of(scan(tmp_path, files), "path") == marked(files, "pathtraver")


def test_a_blueprint_made_in_another_module_returns_html(tmp_path: Path) -> None:
    files = {
        "site/__init__.py": "",
        "site/web.py": """
            from flask import Blueprint
            bp = Blueprint("site", __name__)
            """,
        "site/teams.py": """
            from markupsafe import escape
            from site.web import bp

            class Heading:
                def __init__(self, team):
                    self.team = team

                def html(self):
                    return "<h1>Team " + self.team + "</h1>"

            @bp.route("/teams/<team>")
            def team_page(team):
                return Heading(team).html() + "<p>Members</p>"  # xss

            @bp.route("/squads/<team>")
            def squad_page(team):
                return Heading(str(escape(team))).html()
            """}
    assert lines_of(scan(tmp_path, files), "scripting") == marked(files, "xss")


def test_html_escaping_leaves_a_url_attribute_open_until_the_scheme_is_checked(
        tmp_path: Path) -> None:
    files = {
        "cards/__init__.py": "",
        "cards/views.py": """
            import html
            from urllib.parse import urlparse
            from flask import Flask, abort, request
            app = Flask(__name__)

            @app.post("/card")
            def card():
                link = html.escape(request.form.get("homepage", ""), quote=True)
                return f'<div><a href="{link}">Homepage</a></div>'  # xss

            @app.post("/image")
            def image():
                return "<img src='%s'>" % html.escape(request.form["src"])  # xss

            @app.post("/tile")
            def tile():
                homepage = request.form.get("homepage", "")
                if urlparse(homepage).scheme not in ("http", "https"):
                    abort(400)
                return f'<a href="{html.escape(homepage)}">Homepage</a>'

            @app.post("/link")
            def link():
                url = request.form["url"]
                if not url.startswith(("http://", "https://")):
                    abort(400)
                return '<a href="' + html.escape(url) + '">link</a>'

            @app.post("/profile")
            def profile():
                name = html.escape(request.form["name"])
                return f'<a href="/users/{name}" title="{name}">{name}</a>'
            """}
    assert lines_of(scan(tmp_path, files), "scripting") == marked(files, "xss")


def test_a_configparser_section_assigned_whole_hands_back_each_option(tmp_path: Path) -> None:
    files = {
        "status/__init__.py": "",
        "status/probes.py": """
            import configparser
            import requests

            class Probe:
                def __init__(self, endpoint):
                    self.settings = configparser.ConfigParser()
                    self.settings["probe"] = {"Endpoint": endpoint,
                                              "fallback": "https://status.example.com/health"}

                def check(self, key):
                    return requests.head(self.settings.get("probe", key)).status_code
            """,
        "status/views.py": """
            import requests
            from flask import Flask, request
            from .probes import Probe
            app = Flask(__name__)

            @app.get("/probe")
            def probe():
                return str(Probe(request.headers.get("X-Probe", "")).check("endpoint"))  # ssrf

            @app.get("/fallback")
            def fallback():
                return str(Probe(request.headers.get("X-Probe", "")).check("fallback"))

            @app.get("/ping")
            def ping():
                response = requests.get(request.args["url"])  # ssrf
                return f"<p>{response.status_code} {response.ok}</p>"
            """}
    out = scan(tmp_path, files)
    assert lines_of(out, "forgery") == marked(files, "ssrf")
    assert not lines_of(out, "scripting")


def test_data_whose_keyed_digest_matched_is_ours(tmp_path: Path) -> None:
    files = {
        "carts/__init__.py": "",
        "carts/signing.py": """
            import hashlib
            import hmac
            KEY = b"from-settings"

            def mac(blob):
                return hmac.new(KEY, blob, hashlib.sha256).hexdigest()
            """,
        "carts/views.py": """
            import base64
            import hashlib
            import hmac
            import pickle
            from flask import Flask, abort, request
            from .signing import KEY, mac
            app = Flask(__name__)

            @app.get("/saved")
            def saved():
                tag, _, encoded = request.cookies.get("cart", "").partition(".")
                blob = base64.urlsafe_b64decode(encoded)
                expected = hmac.new(KEY, blob, hashlib.sha256).hexdigest()
                if not KEY or not hmac.compare_digest(tag, expected):
                    abort(403)
                return {"items": list(pickle.loads(blob))}

            @app.get("/draft")
            def draft():
                blob = base64.b64decode(request.cookies.get("draft", ""))
                if not hmac.compare_digest(mac(blob), request.cookies.get("draft_mac", "")):
                    abort(400)
                return {"items": list(pickle.loads(blob))}

            @app.get("/reply")
            def reply():
                blob = base64.b64decode(request.cookies.get("reply", ""))
                if not hmac.compare_digest(mac(blob), request.cookies.get("reply_mac", "")):
                    app.logger.warning("reply cookie signature mismatch")
                return {"items": list(pickle.loads(blob))}  # deserialization

            @app.get("/plain")
            def plain():
                blob = base64.b64decode(request.cookies.get("plain", ""))
                digest = hashlib.sha256(blob).hexdigest()
                if not hmac.compare_digest(digest, request.cookies.get("plain_sum", "")):
                    abort(400)
                return {"items": list(pickle.loads(blob))}  # deserialization
            """}
    assert lines_of(scan(tmp_path, files), "deserialization") == marked(files, "deserialization")


def test_records_and_query_builders_carry_what_they_are_given(tmp_path: Path) -> None:
    files = {
        "billing/__init__.py": "",
        "billing/queries.py": """
            import sqlite3
            from dataclasses import dataclass, field
            from typing import Literal
            from pydantic import BaseModel

            @dataclass
            class Filter:
                status: str = "open"
                limit: int = 20

            class Search(BaseModel):
                status: str
                limit: int = 20
                order: Literal["asc", "desc"] = "asc"

            @dataclass
            class Query:
                clauses: list[str] = field(default_factory=list)

                def where(self, clause):
                    self.clauses.append(clause)
                    return self

                def sql(self):
                    return "SELECT * FROM invoices WHERE " + " AND ".join(self.clauses)

            class Repository:
                def __init__(self, path):
                    self.path = path

                @classmethod
                def from_config(cls, config):
                    return cls(config["DATABASE"])

                def fetch(self, query):
                    return sqlite3.connect(self.path).execute(query.sql()).fetchall()
            """,
        "billing/views.py": """
            import sqlite3
            from flask import Flask, jsonify, request
            from .queries import Filter, Query, Repository, Search
            app = Flask(__name__)

            @app.get("/by-status")
            def by_status():
                flt = Filter(status=request.args.get("status", "open"))
                query = Query()
                query.where(f"status = '{flt.status}'")
                return jsonify(Repository.from_config(app.config).fetch(query))  # sqli

            @app.get("/page")
            def page():
                flt = Filter(limit=request.args.get("limit", "20"))
                query = Query().where(f"status = '{flt.status}'")
                return jsonify(sqlite3.connect("db").execute(query.sql()).fetchall())

            @app.post("/search")
            def search():
                body = Search(**request.get_json())
                query = Query().where(f"LIMIT {body.limit} ORDER {body.order}")
                return jsonify(sqlite3.connect("db").execute(query.sql()).fetchall())

            @app.post("/search-status")
            def search_status():
                body = Search(**request.get_json())
                query = Query().where(f"status = '{body.status}'")
                return jsonify(sqlite3.connect("db").execute(query.sql()).fetchall())  # sqli
            """}
    assert lines_of(scan(tmp_path, files), "sql") == marked(files, "sqli")


def test_an_attribute_set_up_in_init_resolves_its_methods(tmp_path: Path) -> None:
    files = {
        "ops/__init__.py": "",
        "ops/runner.py": """
            import subprocess

            class CommandRunner:
                def run(self, command):
                    return subprocess.run(command, shell=True, capture_output=True)

                def run_args(self, args):
                    return subprocess.run(args, capture_output=True)
            """,
        "ops/store.py": """
            import sqlite3

            class AuditStore:
                def __init__(self, path):
                    self.path = path

                def by_actor(self, actor):
                    sql = f"SELECT * FROM audit WHERE actor = '{actor}'"
                    return sqlite3.connect(self.path).execute(sql).fetchall()
            """,
        "ops/handlers.py": """
            from typing import Optional
            from werkzeug.wrappers import Request
            from .runner import CommandRunner
            from .store import AuditStore

            class Handlers:
                def __init__(self, runner: CommandRunner, db: str) -> None:
                    self.runner = runner
                    self.store: Optional[AuditStore] = AuditStore(db)

                def ping(self, request: Request):
                    return self.runner.run("ping -c 1 " + request.args["host"]).stdout  # cmdi

                def uptime(self, request: Request):
                    return self.runner.run_args(["uptime"]).stdout

                def audit(self, request: Request):
                    return str(self.store.by_actor(request.args["actor"]))  # sqli
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "command") == marked(files, "cmdi")
    assert lines_of(found, "sql") == marked(files, "sqli")


def test_fastapi_dependencies_are_made_by_the_server_and_bodies_by_the_client(
        tmp_path: Path) -> None:
    files = {
        "catalog/__init__.py": "",
        "catalog/repository.py": """
            from typing import Literal
            from pydantic import BaseModel

            class ProductQuery(BaseModel):
                term: str
                sort: str = "name"

            class BrowseQuery(BaseModel):
                term: str
                sort: Literal["name", "price"] = "name"
                limit: int = 50

            class ProductRepository:
                def __init__(self, conn):
                    self.conn = conn

                def ordered(self, term, sort, limit=50):
                    sql = ("SELECT * FROM products WHERE name ILIKE %s"
                           f" ORDER BY {sort} LIMIT {limit}")
                    with self.conn.cursor() as cur:
                        cur.execute(sql, (f"%{term}%",))
                        return cur.fetchall()

                def by_column(self, column, value):
                    with self.conn.cursor() as cur:
                        cur.execute(f"SELECT * FROM products WHERE {column} = {value}")
                        return cur.fetchall()
            """,
        "catalog/deps.py": """
            import psycopg
            from fastapi import Request
            from .repository import ProductRepository

            def get_repo(request: Request) -> ProductRepository:
                return request.app.state.repo

            def get_conn():
                return psycopg.connect("dbname=catalog")
            """,
        "catalog/routes.py": """
            from fastapi import APIRouter, Depends
            from .deps import get_conn, get_repo
            from .repository import BrowseQuery, ProductQuery, ProductRepository
            router = APIRouter()

            @router.get("/brand/{brand_id}")
            def by_brand(brand_id, repo=Depends(get_repo)):
                return repo.by_column("brand_id", brand_id)  # sqli

            @router.get("/category/{category_id}")
            def by_category(category_id: int, repo: ProductRepository = Depends(get_repo)):
                return repo.by_column("category_id", category_id)

            @router.post("/query")
            def query(body: ProductQuery, repo: ProductRepository = Depends(get_repo)):
                return repo.ordered(body.term, body.sort)  # sqli

            @router.post("/browse")
            def browse(body: BrowseQuery, conn=Depends(get_conn)):
                return ProductRepository(conn).ordered(body.term, body.sort, body.limit)
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "sql") == marked(files, "sqli")
    sources = {step.location.start_line for f in found.findings  # type: ignore[attr-defined]
               for step in f.flow[:1]}
    assert sources == {8, 16}, sources


def test_a_client_key_picks_a_server_value_and_an_equal_value_is_the_servers(
        tmp_path: Path) -> None:
    files = {
        "feeds/__init__.py": "",
        "feeds/settings.py": """
            import os
            from dataclasses import dataclass, field

            @dataclass
            class Settings:
                image_host: str = os.environ.get("IMAGE_HOST", "images.example.com")
                feeds: dict = field(default_factory=lambda: {"acme": "https://acme.example/feed"})

            def load() -> Settings:
                return Settings()
            """,
        "feeds/views.py": """
            from urllib.parse import urlsplit
            import requests
            from flask import Flask, abort, request
            from .settings import load
            app = Flask(__name__)

            @app.post("/import")
            def import_feed():
                url = load().feeds.get(request.form["supplier"])
                if url is None:
                    abort(404)
                return str(len(requests.get(url).content))

            @app.get("/check")
            def check_image():
                url = request.args["url"]
                parts = urlsplit(url)
                if parts.scheme != "https" or parts.hostname != load().image_host:
                    abort(400)
                return str(len(requests.get(url).content))

            @app.get("/check-scheme")
            def check_scheme():
                url = request.args["url"]
                if urlsplit(url).scheme != "https":
                    abort(400)
                return str(len(requests.get(url).content))  # ssrf
            """}
    assert lines_of(scan(tmp_path, files), "forgery") == marked(files, "ssrf")


def test_a_request_object_is_its_url_to_whatever_sends_it(tmp_path: Path) -> None:
    files = {
        "alerts/__init__.py": "",
        "alerts/client.py": """
            import json
            import urllib.request

            def post_json(url, payload):
                data = json.dumps(payload).encode()
                req = urllib.request.Request(url, data=data)
                with urllib.request.urlopen(req, timeout=5) as resp:
                    return resp.status
            """,
        "alerts/views.py": """
            import os
            from urllib.parse import quote
            from flask import Flask, request
            from .client import post_json
            app = Flask(__name__)
            ALERT_HOST = os.environ.get("ALERT_HOST", "alerts.internal")

            @app.post("/silence")
            def silence():
                body = request.get_json(silent=True) or {}
                path = quote(str(body.get("path", "silences")), safe="")
                return str(post_json(f"https://{ALERT_HOST}/api/v2/{path}", body.get("labels")))

            @app.post("/relay")
            def relay():
                body = request.get_json(silent=True) or {}
                return str(post_json(f"https://{body.get('host')}/api/v2/alerts", {}))  # ssrf
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "forgery") == marked(files, "ssrf")
    sources = {f.flow[0].location.start_line for f in found.findings}  # type: ignore[attr-defined]
    assert sources and all(line >= 14 for line in sources), sources  # from /relay only
    # the request built and the request sent are one problem of /relay's
    merged = merge_duplicates({"taint": list(found.findings)})  # type: ignore[attr-defined]
    assert len(merged["taint"]) == 1, merged


def test_forms_and_serializers_validate_field_by_field_and_managers_run(
        tmp_path: Path) -> None:
    files = {
        "desk/__init__.py": "",
        "desk/forms.py": """
            from django import forms
            from rest_framework import serializers

            class SearchForm(forms.Form):
                q = forms.CharField(max_length=100)
                queue = forms.IntegerField()

            class CallbackSerializer(serializers.Serializer):
                name = serializers.CharField()
                callback_url = serializers.URLField()
                provider = serializers.ChoiceField(choices=["mail", "chat"])
            """,
        "desk/models.py": """
            from django.db import models

            class TicketManager(models.Manager):
                def search(self, term):
                    return self.raw(f"SELECT * FROM ticket WHERE subject LIKE '%{term}%'")

                def in_queue(self, queue):
                    return self.raw(f"SELECT * FROM ticket WHERE queue_id = {queue}")

            class Ticket(models.Model):
                subject = models.CharField(max_length=200)
                objects = TicketManager()
            """,
        "desk/views.py": """
            import requests
            from django.shortcuts import render
            from rest_framework.response import Response
            from rest_framework.views import APIView
            from .forms import CallbackSerializer, SearchForm
            from .models import Ticket

            def search(request):
                form = SearchForm(request.GET)
                tickets = []
                if form.is_valid():
                    tickets = list(Ticket.objects.search(form.cleaned_data["q"]))  # sqli
                return render(request, "list.html", {"tickets": tickets})

            def by_queue(request):
                form = SearchForm(request.GET)
                if form.is_valid():
                    return render(request, "list.html", {
                        "tickets": list(Ticket.objects.in_queue(form.cleaned_data["queue"]))})
                return render(request, "list.html", {})

            def latest(request):
                return render(request, "list.html", {"t": Ticket.objects.get(pk=request.GET["pk"])})

            class CallbackView(APIView):
                def post(self, request):
                    serializer = CallbackSerializer(data=request.data)
                    serializer.is_valid(raise_exception=True)
                    data = serializer.validated_data
                    requests.post(data["callback_url"], json={"name": data["name"]})  # ssrf
                    requests.post(f"https://{data['provider']}.example.com/hook", json={})
                    return Response({"ok": True})
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "sql") == marked(files, "sqli")
    assert lines_of(found, "forgery") == marked(files, "ssrf")
    sources = {f.flow[0].location.start_line for f in found.findings  # type: ignore[attr-defined]
               if "sql" in f.rule_id}
    assert sources == {10}, sources  # /search only: the queue is an IntegerField


def test_header_values_the_framework_sends_as_given(tmp_path: Path) -> None:
    files = {
        "exports/__init__.py": "",
        "exports/api.py": """
            import os
            from fastapi import FastAPI, Query
            from fastapi.responses import Response
            from werkzeug.utils import send_file
            app = FastAPI()

            @app.get("/export")
            def export(filename: str = "products"):
                headers = {"Content-Disposition": f"attachment; filename={filename}.csv"}
                return Response(content="sku", media_type="text/csv", headers=headers)  # headeri

            @app.get("/export/prices")
            def export_prices(filename: str = Query("prices", pattern=r"^[\\w.-]{1,64}$")):
                headers = {"Content-Disposition": f"attachment; filename={filename}.csv"}
                return Response(content="sku", media_type="text/csv", headers=headers)

            def download(request, environ):
                name = request.args.get("file", "app.log").replace("../", "")
                return send_file(os.path.join("/var/log/app", name), environ)  # pathtraver
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "header") == marked(files, "headeri")
    assert lines_of(found, "path-traversal") == marked(files, "pathtraver")


def test_a_member_of_the_servers_own_collection_is_the_servers(tmp_path: Path) -> None:
    files = {
        "logs/__init__.py": "",
        "logs/views.py": """
            import os
            from pathlib import Path
            from flask import Flask, abort, request, send_file
            app = Flask(__name__)
            LOG_DIR = "/var/log/app"

            def listing():
                return sorted(os.listdir(LOG_DIR))

            @app.get("/rotated")
            def rotated():
                name = request.args["file"]
                if name not in listing():
                    abort(404)
                return send_file(os.path.join(LOG_DIR, name))

            @app.get("/manual")
            def manual():
                name = request.args["file"]
                available = {p.name for p in Path(LOG_DIR).iterdir() if p.is_file()}
                if name not in available:
                    abort(404)
                return send_file(os.path.join(LOG_DIR, name))

            @app.get("/echo")
            def echo():
                name = request.args["file"]
                if name not in request.args.values():
                    abort(404)
                return send_file(os.path.join(LOG_DIR, name))  # pathtraver

            @app.get("/configured")
            def configured():
                name = request.args["file"]
                if name not in app.config["PUBLIC_LOGS"]:
                    abort(404)
                return send_file(os.path.join(LOG_DIR, name))
            """}
    assert lines_of(scan(tmp_path, files), "path-traversal") == marked(files, "pathtraver")


def test_a_form_views_form_and_a_settings_allow_list(tmp_path: Path) -> None:
    files = {
        "portal/__init__.py": "",
        "portal/settings.py": """
            from dataclasses import dataclass

            @dataclass(frozen=True)
            class Settings:
                public_hosts: frozenset[str] = frozenset({"www.example.com", "example.com"})

            def get_settings() -> Settings:
                return Settings()
            """,
        "portal/views.py": """
            from urllib.parse import urlsplit
            from django import forms
            from django.shortcuts import redirect
            from django.views.generic import FormView
            from .settings import get_settings

            class SurveyForm(forms.Form):
                rating = forms.IntegerField()
                return_to = forms.ChoiceField(choices=[("/", "home"), ("/help", "help")])
                next_url = forms.CharField()

            class SurveyView(FormView):
                form_class = SurveyForm

                def form_valid(self, form):
                    return redirect(form.cleaned_data["return_to"])

            class FeedbackView(FormView):
                form_class = SurveyForm

                def form_valid(self, form):
                    return redirect(form.cleaned_data["next_url"])  # redirect

            def callback(request):
                return_to = request.GET.get("return_to", "/")
                parts = urlsplit(return_to)
                if parts.scheme != "https" or parts.netloc not in get_settings().public_hosts:
                    return_to = "/"
                return redirect(return_to)
            """}
    assert lines_of(scan(tmp_path, files), "redirect") == marked(files, "redirect")


def test_repr_and_validated_addresses_keep_line_breaks_out_of_logs(tmp_path: Path) -> None:
    files = {
        "hooks/__init__.py": "",
        "hooks/views.py": """
            import logging
            from rest_framework import serializers
            from rest_framework.response import Response
            from rest_framework.views import APIView
            logger = logging.getLogger(__name__)

            class ComplaintSerializer(serializers.Serializer):
                recipient = serializers.EmailField()
                feedback = serializers.CharField()

            class ComplaintView(APIView):
                def post(self, request):
                    serializer = ComplaintSerializer(data=request.data)
                    serializer.is_valid(raise_exception=True)
                    data = serializer.validated_data
                    logger.warning("complaint for %s", data["recipient"])
                    logger.warning("feedback: %s", data["feedback"])  # logi
                    return Response(status=202)

            class CloseView(APIView):
                def post(self, request):
                    reason = request.data.get("reason", "resolved")
                    logger.info("closed: %r", reason)
                    logger.info(f"closed again: {reason!r}")
                    logger.info("closed: " + repr(reason))
                    logger.info("closed: %s" % reason)  # logi
                    return Response(status=204)
            """}
    assert lines_of(scan(tmp_path, files), "log-injection") == marked(files, "logi")


def test_what_a_django_response_is_written_is_its_body(tmp_path: Path) -> None:
    files = {
        "shelf/__init__.py": "",
        "shelf/views.py": """
            from django.http import HttpResponse
            from django.urls import path

            def shelf(request):
                response = HttpResponse(content_type="text/html")
                response.write("<h2>Shelf: %s</h2>" % request.GET.get("label", ""))
                return response  # xss

            def shelf_text(request):
                response = HttpResponse(content_type="text/plain")
                response.write("Shelf: %s" % request.GET.get("label", ""))
                return response

            urlpatterns = [path("shelf/", shelf), path("shelf.txt", shelf_text)]
            """}
    assert lines_of(scan(tmp_path, files), "scripting") == marked(files, "xss")


def test_string_methods_on_constants_fold_and_joined_parts_split_back(tmp_path: Path) -> None:
    files = {"app.py": """
        import os
        from flask import Flask, redirect, request
        app = Flask(__name__)

        @app.get("/shelf")
        def shelf():
            term = request.args.get("term", "")
            os.system("echo " + "|".join(["garden", term]).split("|")[0])
            os.system("echo " + "|".join(["garden", term]).split("|")[1])  # cmdi
            return "ok"

        @app.get("/logout")
        def logout():
            target = request.values.get("return_to", "/")
            return redirect(target if "abc".find("c") < 0 else "/signoff")

        @app.get("/switch")
        def switch():
            target = request.values.get("return_to", "/")
            return redirect(target if "abc".find("d") < 0 else "/accounts")  # redirect
        """}
    found = scan(tmp_path, files)
    assert lines_of(found, "command") == marked(files, "cmdi")
    assert lines_of(found, "redirect") == marked(files, "redirect")


def test_asyncpg_fetch_runs_sql_and_a_client_fetch_does_not(tmp_path: Path) -> None:
    files = {
        "ops/__init__.py": "",
        "ops/inventory.py": """
            import asyncpg
            from tornado.httpclient import AsyncHTTPClient

            async def fetch_hosts(where):
                sql = "SELECT hostname FROM hosts"
                if where:
                    sql += " WHERE " + " AND ".join(where)
                pool = await asyncpg.create_pool("postgresql:///ops")
                async with pool.acquire() as conn:
                    return await conn.fetch(sql)

            async def status_page(url):
                return await AsyncHTTPClient().fetch(url)
            """,
        "ops/views.py": """
            from aiohttp import web
            from . import inventory

            async def host_search(request):
                where = []
                needle = request.query.get("q", "")
                if needle:
                    where.append(f"hostname ILIKE '%{needle}%'")
                return web.json_response({"hosts": await inventory.fetch_hosts(where)})  # sqli

            async def status(request):
                await inventory.status_page("https://status.example.com/" + request.query["p"])
                return web.json_response({})

            app = web.Application()
            app.router.add_get("/hosts", host_search)
            app.router.add_get("/status", status)
            """}
    assert lines_of(scan(tmp_path, files), "sql") == marked(files, "sqli")


def test_len_of_a_constant_folds_and_a_truncated_buffer_forgets(tmp_path: Path) -> None:
    files = {"app.py": """
        import io
        import os
        from flask import Flask, request
        app = Flask(__name__)

        def pick(kind, requested):
            return {"custom": requested, "default": "default.css"}[kind]

        @app.get("/theme")
        def theme():
            requested = request.cookies.get("theme", "default.css")
            kind = "default" if len("theme") == 5 else "custom"
            return open(pick(kind, requested)).read()

        @app.get("/print")
        def print_theme():
            requested = request.cookies.get("theme", "default.css")
            kind = "default" if len("theme") == 6 else "custom"
            return open(pick(kind, requested)).read()  # pathtraver

        @app.get("/tree")
        def tree():
            buf = io.StringIO()
            buf.write(request.headers.get("X-Folder", "/srv"))
            buf.seek(0)
            buf.truncate()
            buf.write("/srv/public")
            return os.popen("ls -R " + buf.getvalue()).read()

        @app.get("/tree-tail")
        def tree_tail():
            buf = io.StringIO()
            buf.write(request.headers.get("X-Folder", "/srv"))
            buf.seek(3)
            buf.truncate()
            return os.popen("ls -R " + buf.getvalue()).read()  # cmdi
        """}
    found = scan(tmp_path, files)
    assert lines_of(found, "path-traversal") == marked(files, "pathtraver")
    assert lines_of(found, "command") == marked(files, "cmdi")


def test_a_field_default_is_not_what_an_instance_holds(tmp_path: Path) -> None:
    files = {
        "state/__init__.py": "",
        "state/handlers.py": """
            import hashlib
            import hmac
            import pickle
            from dataclasses import dataclass
            from flask import Flask, render_template_string, request
            from werkzeug.exceptions import Forbidden
            app = Flask(__name__)

            @dataclass
            class Settings:
                state_key: bytes = b""

            class StateHandlers:
                def __init__(self, settings: Settings) -> None:
                    self.settings = settings

                def _signature(self, data):
                    return hmac.new(self.settings.state_key, data, hashlib.sha256).hexdigest()

                def import_keyed(self, request):
                    data = request.get_data()
                    if not self.settings.state_key:
                        raise Forbidden()
                    return len(pickle.loads(data))  # deserialization

                def import_signed(self, request):
                    data = request.get_data()
                    signature = request.headers.get("X-Signature", "")
                    if not self.settings.state_key or \\
                            not hmac.compare_digest(signature, self._signature(data)):
                        raise Forbidden()
                    return len(pickle.loads(data))

            @app.get("/tag")
            def tag():
                return render_template_string("<h2>{{ label }}</h2>", label=request.args["l"])
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "deserialization") == marked(files, "deserialization")
    assert not lines_of(found, "scripting")


def test_the_usual_local_url_check_and_the_host_the_browser_asked_for(tmp_path: Path) -> None:
    files = {
        "blog/__init__.py": "",
        "blog/utils.py": """
            from urllib.parse import urljoin, urlparse
            from flask import request

            def is_local_url(target):
                ref = urlparse(request.host_url)
                test = urlparse(urljoin(request.host_url, target))
                return test.scheme in ("http", "https") and ref.netloc == test.netloc

            def absolute_local(target):
                return urljoin(request.host_url, target)
            """,
        "blog/auth.py": """
            import requests
            from flask import Flask, redirect, request
            from .utils import absolute_local, is_local_url
            app = Flask(__name__)

            @app.get("/done")
            def done():
                back = request.args.get("return_to", "/")
                if not is_local_url(back):
                    return redirect("/")
                return redirect(absolute_local(back))

            @app.get("/confirm")
            def confirm():
                back = request.args.get("return_to", "/")
                if not is_local_url(back):
                    app.logger.warning("foreign return_to")
                return redirect(back)  # redirect

            @app.get("/welcome")
            def welcome():
                requests.get("https://" + request.host + "/api/ping")  # ssrf
                return redirect("https://" + request.host + "/welcome")
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "redirect") == marked(files, "redirect")
    assert lines_of(found, "forgery") == marked(files, "ssrf")


def test_tornados_http_client_fetches_what_its_request_names(tmp_path: Path) -> None:
    files = {
        "watch/__init__.py": "",
        "watch/checks.py": """
            from tornado.httpclient import AsyncHTTPClient, HTTPRequest

            async def http_check(url, timeout=10.0):
                client = AsyncHTTPClient()
                resp = await client.fetch(HTTPRequest(url, request_timeout=timeout))
                return {"code": resp.code}
            """,
        "watch/handlers.py": """
            import tornado.web
            from .checks import http_check
            MONITORED = {"a.internal", "b.internal"}

            class ProbeServiceHandler(tornado.web.RequestHandler):
                async def get(self):
                    host = self.get_query_argument("host")
                    if host not in MONITORED:
                        raise tornado.web.HTTPError(403)
                    self.write(await http_check(f"http://{host}:8080/health"))

            class ProbeHandler(tornado.web.RequestHandler):
                async def get(self):
                    host = self.get_query_argument("host")
                    self.write(await http_check(f"http://{host}:8080/health"))  # ssrf
            """}
    found = scan(tmp_path, files)
    assert lines_of(found, "forgery") == marked(files, "ssrf")
    sources = {f.flow[0].location.start_line for f in found.findings}  # type: ignore[attr-defined]
    assert sources and all(line >= 12 for line in sources), sources  # /probe only


def test_html_escaping_leaves_an_unquoted_attribute_open(tmp_path: Path) -> None:
    files = {
        "gallery/__init__.py": "",
        "gallery/views.py": """
            from django.http import HttpResponse
            from django.urls import path
            from django.utils.html import escape

            def embed(request):
                name = escape(request.GET.get("img", ""))
                return HttpResponse("<img src=/media/%s alt=photo>" % name)  # xss

            def share(request):
                name = escape(request.GET.get("img", ""))
                return HttpResponse('<img src="/media/%s" alt="photo">' % name)

            def title(request):
                return HttpResponse("<h1 class=title>%s</h1>" % escape(request.GET["t"]))

            urlpatterns = [path("embed", embed), path("share", share), path("title", title)]
            """}
    assert lines_of(scan(tmp_path, files), "scripting") == marked(files, "xss")


def test_a_check_of_what_was_parsed_from_a_field_checks_the_field(tmp_path: Path) -> None:
    files = {"main.py": """
        from urllib.parse import urlparse
        import httpx
        from fastapi import FastAPI, HTTPException
        from pydantic import BaseModel
        app = FastAPI()
        IMPORT_HOSTS = {"raw.githubusercontent.com", "gitlab.com"}

        class ImportRequest(BaseModel):
            url: str
            language: str = "text"

        @app.post("/import")
        def import_file(body: ImportRequest):
            parsed = urlparse(body.url)
            if parsed.scheme != "https" or parsed.hostname not in IMPORT_HOSTS:
                raise HTTPException(status_code=422)
            httpx.get(body.language)  # ssrf
            return {"text": httpx.get(body.url).text}

        @app.post("/unchecked")
        def unchecked(body: ImportRequest):
            return {"text": httpx.get(body.url).text}  # ssrf
        """}
    assert lines_of(scan(tmp_path, files), "forgery") == marked(files, "ssrf")


def test_tornado_url_groups_are_matched_before_the_handler_runs(tmp_path: Path) -> None:
    files = {"app.py": """
        import logging
        import tornado.web
        log = logging.getLogger(__name__)

        class SilenceHandler(tornado.web.RequestHandler):
            def post(self, alert_id):
                log.info("alert %s silenced", alert_id)

        class NoteHandler(tornado.web.RequestHandler):
            def post(self, name):
                log.info("note %s", name)  # logi

        class TagHandler(tornado.web.RequestHandler):
            def post(self, tag):
                log.info("tag %s", tag)  # logi

        class RecountHandler(tornado.web.RequestHandler):
            def post(self, sku):
                log.info("stock of %s counted", sku)

        class LabelHandler(tornado.web.RequestHandler):
            def post(self, label):
                log.info("label %s", label)  # logi

        SKU = r"([A-Z0-9-]+)"
        ANY = r"([^/]+)"

        def make_app():
            return tornado.web.Application([
                (r"/alerts/(\\d+)/silence", SilenceHandler),
                (r"/notes/([^/]+)", NoteHandler),
                (r"/tags/((\\w+)-(.*))", TagHandler),
                (rf"/items/{SKU}/recount", RecountHandler),
                ("/labels/" + ANY, LabelHandler),
            ])
        """}
    assert lines_of(scan(tmp_path, files), "log-injection") == marked(files, "logi")
