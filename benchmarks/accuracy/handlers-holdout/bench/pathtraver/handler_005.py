"""Theme stylesheets."""
from pathlib import Path

from flask import Response, request

from bench.web import bp

THEMES = Path("/srv/bench/themes")


def _pick(kind: str, requested: str) -> str:
    choices = {"custom": requested, "default": "default.css"}
    return choices[kind]


@bp.route("/pathtraver/005/theme.css")
def theme_css():
    requested = request.cookies.get("theme", "default.css")
    kind = "default" if len("theme") == 5 else "custom"
    css = (THEMES / _pick(kind, requested)).read_text()
    return Response(css, mimetype="text/css")


@bp.route("/pathtraver/005/print.css")
def print_css():
    requested = request.cookies.get("theme", "default.css")
    kind = "default" if len("theme") == 6 else "custom"
    css = (THEMES / _pick(kind, requested)).read_text()
    return Response(css, mimetype="text/css")
