"""Per-project documents."""
import os

from flask import request, send_file

from bench.web import bp

PROJECTS = "/srv/bench/projects"
SECTIONS = ("specs", "minutes", "designs")


@bp.route("/pathtraver/010/doc")
def project_doc():
    section, name = request.args.get("path", "specs/index.pdf").split("/", 1)
    if section not in SECTIONS:
        return {"error": "unknown section"}, 404
    return send_file(os.path.join(PROJECTS, section, name))


@bp.route("/pathtraver/010/doc-latest")
def project_doc_latest():
    section, name = request.args.get("path", "specs/index.pdf").split("/", 1)
    if section not in SECTIONS:
        return {"error": "unknown section"}, 404
    return send_file(os.path.join(PROJECTS, section, os.path.basename(name)))
