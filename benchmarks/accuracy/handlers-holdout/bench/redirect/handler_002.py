"""Partner hand-offs."""
from urllib.parse import urlparse

from flask import abort, redirect, request

from bench.web import bp

PARTNERS = ("shop.example.com", "help.example.com")


@bp.route("/redirect/002/partner")
def to_partner():
    url = request.args.get("to", "")
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in PARTNERS:
        abort(400)
    return redirect(url)


@bp.route("/redirect/002/affiliate")
def to_affiliate():
    url = request.args.get("to", "")
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.netloc.endswith("example.com"):
        abort(400)
    return redirect(url)
