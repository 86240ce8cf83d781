"""Link previews."""
from urllib.parse import urlparse

from flask import abort, request

from bench import helpers
from bench.web import bp

PREVIEW_HOSTS = ("www.example.com", "news.example.com", "blog.example.com")


@bp.route("/ssrf/001/preview")
def link_preview():
    url = request.args.get("url", "")
    parts = urlparse(url)
    if parts.scheme != "https" or parts.hostname not in PREVIEW_HOSTS:
        abort(400)
    return {"html": helpers.fetch(url)[:2000]}


@bp.route("/ssrf/001/unfurl")
def unfurl():
    url = request.args.get("url", "")
    return {"html": helpers.fetch(url)[:2000]}
