"""Rescans reuse what a change cannot reach, and never what it can."""

from __future__ import annotations

import textwrap
from pathlib import Path

from secsdlc.cache import ResultCache
from secsdlc.flow import analysis, models


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


FILES = {
    "app/__init__.py": "",
    "app/util.py": """
        import subprocess

        def run(cmd):
            return subprocess.run(cmd, shell=True)
        """,
    "app/views.py": """
        from flask import request
        from .util import run

        def ping():
            return run("ping " + request.args["host"])
        """,
    "app/other.py": """
        import os
        from flask import request

        def remove():
            os.remove(request.args["name"])
        """,
}


def _kinds(result: analysis.Result) -> set[tuple[str, str]]:
    return {(r.kind, r.sink.path) for r in result.reports}


def test_a_rescan_analyses_again_only_what_a_change_reaches(tmp_path: Path) -> None:
    root = tmp_path / "src"
    _write(root, FILES)
    cache = ResultCache(tmp_path / "cache")
    files = sorted(FILES)
    m = models.load()
    analysed: list[list[str]] = []
    real = analysis._analyse_files

    def spy(project, models_, budget, paths, *rest):  # type: ignore[no-untyped-def]
        analysed.append(sorted(paths))
        return real(project, models_, budget, paths, *rest)

    analysis._analyse_files = spy  # type: ignore[assignment]
    try:
        first = analysis.analyse(root, files, m, cache=cache)
        assert _kinds(first) == {("cmdi", "app/util.py"), ("pathtraver", "app/other.py")}
        assert analysed[-1] == files
        again = analysis.analyse(root, files, m, cache=cache)
        assert _kinds(again) == _kinds(first)
        assert len(analysed) == 1  # nothing changed, nothing analysed
        # the helper now quotes: the file that imports it is analysed again, the other is not
        _write(root, {"app/util.py": """
            import shlex, subprocess

            def run(cmd):
                return subprocess.run(shlex.quote(cmd), shell=True)
            """})
        changed = analysis.analyse(root, files, m, cache=cache)
        assert analysed[-1] == ["app/util.py", "app/views.py"]
        assert _kinds(changed) == {("pathtraver", "app/other.py")}
    finally:
        analysis._analyse_files = real  # type: ignore[assignment]


def test_a_damaged_cache_entry_is_analysed_again(tmp_path: Path) -> None:
    root = tmp_path / "src"
    _write(root, FILES)
    cache = ResultCache(tmp_path / "cache")
    m = models.load()
    first = analysis.analyse(root, sorted(FILES), m, cache=cache)
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text('{"format": 1, "key": "x"}')
    assert _kinds(analysis.analyse(root, sorted(FILES), m, cache=cache)) == _kinds(first)


ROOTS = {
    "shop/__init__.py": "",
    "shop/text.py": """
        def slug(value):
            return value.strip().lower()
        """,
    "shop/db.py": """
        import sqlite3

        def find(name):
            return sqlite3.connect("shop.db").execute(
                "SELECT * FROM items WHERE name = '%s'" % name)
        """,
    "shop/views.py": """
        from flask import request
        from . import db
        from .text import slug

        def search():
            return db.find(request.args["q"])

        def tag():
            return slug(request.args["t"])
        """,
}


def test_a_change_analyses_again_only_the_functions_that_read_it(tmp_path: Path) -> None:
    root = tmp_path / "src"
    _write(root, ROOTS)
    cache = ResultCache(tmp_path / "cache")
    files, m = sorted(ROOTS), models.load()
    first = analysis.analyse(root, files, m, cache=cache)
    assert _kinds(first) == {("sqli", "shop/db.py")}
    assert ("shop/views.py", "search") in first.ran and ("shop/views.py", "tag") in first.ran
    assert analysis.analyse(root, files, m, cache=cache).ran == ()
    # the query helper now binds its parameter: `search` reads it and is analysed again, `tag`
    # reads only text.py and is not
    _write(root, {"shop/db.py": """
        import sqlite3

        def find(name):
            return sqlite3.connect("shop.db").execute(
                "SELECT * FROM items WHERE name = ?", (name,))
        """})
    changed = analysis.analyse(root, files, m, cache=cache)
    assert _kinds(changed) == set()
    assert ("shop/views.py", "search") in changed.ran
    assert ("shop/views.py", "tag") not in changed.ran
    assert {path for path, _ in changed.ran} == {"shop/db.py", "shop/views.py"}
    # and what a rescan says is what a scan from nothing says
    fresh = analysis.analyse(root, files, m)
    assert changed.reports == fresh.reports and changed.proofs == fresh.proofs


ROUTES = {
    "orders/__init__.py": "",
    "orders/urls.py": """
        from django.urls import path
        from . import views

        urlpatterns = [path("orders/<int:pk>/", views.order)]
        """,
    "orders/views.py": """
        from django.db import connection
        from django.http import HttpResponse

        def order(request, pk):
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM orders WHERE id = %s" % pk)
            return HttpResponse("ok")
        """,
    "orders/other.py": """
        from django.http import HttpResponse

        def ping(request):
            return HttpResponse("pong")
        """,
}


def test_only_what_route_patterns_say_reaches_other_files(tmp_path: Path) -> None:
    root = tmp_path / "src"
    _write(root, ROUTES)
    cache = ResultCache(tmp_path / "cache")
    files, m = sorted(ROUTES), models.load()
    assert _kinds(analysis.analyse(root, files, m, cache=cache)) == set()  # pk is an int
    # a comment in the URL module: its patterns say the same, nothing else runs again
    _write(root, {"orders/urls.py": textwrap.dedent(ROUTES["orders/urls.py"]) + "# orders\n"})
    again = analysis.analyse(root, files, m, cache=cache)
    assert {path for path, _ in again.ran} == {"orders/urls.py"}
    # the pattern now passes pk as a string: the view is analysed again and reported
    _write(root, {"orders/urls.py": ROUTES["orders/urls.py"].replace("<int:pk>", "<pk>")})
    changed = analysis.analyse(root, files, m, cache=cache)
    assert ("orders/views.py", "order") in changed.ran
    assert _kinds(changed) == {("sqli", "orders/views.py")}


def test_test_code_has_no_entry_and_its_callers_follow_its_changes(tmp_path: Path) -> None:
    """Test code read only where application code calls it is never a root: a rescan does not
    look for entries of its own, and a change to it still reaches the views that call it."""
    root = tmp_path / "src"
    files = {
        **FILES,
        "tests/__init__.py": "",
        "tests/fixtures.py": """
            def host(value):
                return value
            """,
        "app/probe.py": """
            import subprocess
            from flask import request
            from tests.fixtures import host

            def probe():
                return subprocess.run("ping " + host(request.args["h"]), shell=True)
            """,
    }
    _write(root, files)
    cache = ResultCache(tmp_path / "cache")
    m = models.load()
    looked_up: list[str] = []
    real = cache.get_document

    def spy(key: str) -> dict[str, object] | None:
        looked_up.append(key)
        return real(key)

    cache.get_document = spy  # type: ignore[method-assign]

    def scan() -> analysis.Result:
        looked_up.clear()
        return analysis.analyse(root, sorted(files), m, cache=cache,
                                roots=lambda path: not path.startswith("tests/"))

    first = scan()
    assert ("cmdi", "app/probe.py") in _kinds(first)
    rooted = [f for f in files if not f.startswith("tests/")]
    assert len(looked_up) == len(rooted)
    assert scan().ran == ()
    assert len(looked_up) == len(rooted)
    _write(root, {"tests/fixtures.py": """
        import shlex

        def host(value):
            return shlex.quote(value)
        """})
    changed = scan()
    assert {path for path, _ in changed.ran} == {"app/probe.py"}
    assert ("cmdi", "app/probe.py") not in _kinds(changed)
