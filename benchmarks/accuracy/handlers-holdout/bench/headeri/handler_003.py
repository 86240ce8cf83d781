"""Request tracing."""
from flask import jsonify, request

from bench import helpers
from bench.web import bp


@bp.route("/headeri/003/trace")
def trace():
    label = request.values.get("label", "")
    label = label.replace("\r\n", " ")
    resp = jsonify({"traced": True})
    resp.headers["X-Trace-Label"] = label
    return resp


@bp.route("/headeri/003/span")
def span():
    label = helpers.one_line(request.values.get("label", ""))
    resp = jsonify({"traced": True})
    resp.headers["X-Span-Label"] = label
    return resp
