"""Profile cards with a homepage link."""
import html
from urllib.parse import urlparse

from flask import abort, request

from bench.web import bp


@bp.route("/xss/003/card", methods=["POST"])
def profile_card():
    homepage = request.form.get("homepage", "")
    link = html.escape(homepage, quote=True)
    return f'<div class="card"><a href="{link}">Homepage</a></div>'


@bp.route("/xss/003/tile", methods=["POST"])
def profile_tile():
    homepage = request.form.get("homepage", "")
    if urlparse(homepage).scheme not in ("http", "https"):
        abort(400)
    link = html.escape(homepage, quote=True)
    return f'<div class="tile"><a href="{link}">Homepage</a></div>'
