"""Build artefacts."""
from pathlib import Path

from flask import Response, abort

from bench.web import bp

ARTEFACTS = Path("/srv/bench/artefacts").resolve()


@bp.route("/pathtraver/011/artefact/<path:relpath>")
def artefact(relpath: str):
    target = (ARTEFACTS / relpath).resolve()
    if not target.is_relative_to(ARTEFACTS):
        abort(404)
    return Response(target.read_bytes(), mimetype="application/octet-stream")


@bp.route("/pathtraver/011/log/<path:relpath>")
def build_log(relpath: str):
    target = (ARTEFACTS / relpath).resolve()
    if not target.exists():
        abort(404)
    return Response(target.read_bytes(), mimetype="text/plain")
