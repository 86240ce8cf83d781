"""Statements posted by the accounting client."""
import os

from flask import request

from bench import helpers
from bench.web import bp


@bp.route("/pathtraver/008/statement", methods=["POST"])
def statement():
    doc = (request.get_json(silent=True) or {}).get("document", "")
    filename = "statement-%d.txt" % int(doc)
    return {"text": helpers.read_text(os.path.join(helpers.FILES_DIR, "statements", filename))}


@bp.route("/pathtraver/008/receipt", methods=["POST"])
def receipt():
    doc = (request.get_json(silent=True) or {}).get("document", "")
    filename = doc.replace("\\", "/").strip()
    return {"text": helpers.read_text(os.path.join(helpers.FILES_DIR, "receipts", filename))}
