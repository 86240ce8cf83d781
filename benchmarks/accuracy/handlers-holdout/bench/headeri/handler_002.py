"""Paged API listings."""
from flask import jsonify, request

from bench.web import bp

ITEMS = list(range(500))


@bp.route("/headeri/002/items")
def list_items():
    size = int(request.args.get("size", "50"))
    resp = jsonify(ITEMS[:size])
    resp.headers["X-Page-Size"] = str(size)
    return resp


@bp.route("/headeri/002/archive")
def list_archive():
    size = request.args.get("size", "50").strip()
    resp = jsonify(ITEMS[:50])
    resp.headers["X-Page-Size"] = size
    return resp
