"""Themed landing pages."""
from flask import request

from bench import helpers
from bench.web import bp


def _preferences() -> dict[str, str]:
    return {"theme": request.args.get("theme", "light"), "lang": "en"}


@bp.route("/xss/007/landing")
def landing():
    prefs = _preferences()
    return helpers.page("Home", '<div class="theme-' + prefs["theme"] + '">Welcome</div>')


@bp.route("/xss/007/about")
def about():
    prefs = _preferences()
    return helpers.page("About", '<div lang="' + prefs["lang"] + '">About us</div>')
