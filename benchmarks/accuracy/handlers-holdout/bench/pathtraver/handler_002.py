"""Exported spreadsheets."""
import os

from flask import abort, request

from bench.web import bp

EXPORTS = "/srv/bench/exports"


@bp.route("/pathtraver/002/export", methods=["POST"])
def export_file():
    name = request.form.get("file", "")
    path = os.path.realpath(os.path.join(EXPORTS, name))
    if not path.startswith(EXPORTS + os.sep):
        abort(404)
    with open(path, "rb") as fh:
        return fh.read(), 200, {"Content-Type": "text/csv"}


@bp.route("/pathtraver/002/archive", methods=["POST"])
def archived_export():
    name = request.form.get("file", "")
    path = os.path.join(EXPORTS, "archive", name)
    if not path.startswith(EXPORTS + os.sep):
        abort(404)
    with open(path, "rb") as fh:
        return fh.read(), 200, {"Content-Type": "text/csv"}
