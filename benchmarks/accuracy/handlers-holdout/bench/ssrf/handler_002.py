"""Image proxy."""
from urllib.parse import urlparse

import requests
from flask import Response, abort, request

from bench.web import bp

IMAGE_HOST = "images.example.com"


@bp.route("/ssrf/002/proxy", methods=["POST"])
def image_proxy():
    url = request.form.get("src", "")
    if not url.startswith("https://" + IMAGE_HOST):
        abort(400)
    upstream = requests.get(url, timeout=5)
    return Response(upstream.content, mimetype="image/png")


@bp.route("/ssrf/002/thumb", methods=["POST"])
def image_thumb():
    url = request.form.get("src", "")
    parts = urlparse(url)
    if parts.scheme != "https" or parts.hostname != IMAGE_HOST or parts.port not in (None, 443):
        abort(400)
    upstream = requests.get(url, timeout=5)
    return Response(upstream.content, mimetype="image/png")
