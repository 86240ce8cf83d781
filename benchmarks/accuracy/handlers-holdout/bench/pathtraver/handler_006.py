"""Avatar images."""
import os

from flask import request

from bench.web import bp

AVATARS = "/srv/bench/avatars"


@bp.route("/pathtraver/006/avatar")
def avatar():
    wanted = request.headers.get("X-Avatar", "")
    names = ["placeholder.png", wanted]
    names.reverse()
    with open(os.path.join(AVATARS, names[0]), "rb") as fh:
        return fh.read(), 200, {"Content-Type": "image/png"}


@bp.route("/pathtraver/006/thumbnail")
def thumbnail():
    wanted = request.headers.get("X-Avatar", "")
    names = ["placeholder.png", wanted]
    names.reverse()
    with open(os.path.join(AVATARS, "thumbs", names[1]), "rb") as fh:
        return fh.read(), 200, {"Content-Type": "image/png"}
