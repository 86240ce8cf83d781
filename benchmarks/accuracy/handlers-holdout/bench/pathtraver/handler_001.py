"""Plain-text notes."""
import os

from flask import request

from bench import helpers
from bench.web import bp


@bp.route("/pathtraver/001/note")
def note():
    name = request.args.get("name", "index.txt")
    return {"text": helpers.read_text(os.path.join(helpers.FILES_DIR, "notes", name))}


@bp.route("/pathtraver/001/memo")
def memo():
    name = request.args.get("name", "index.txt")
    return {"text": helpers.read_text(os.path.join(helpers.FILES_DIR, "memos", os.path.basename(name)))}
