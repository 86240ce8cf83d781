from flask import abort, request

from .app import app
from .storage import DOCS_DIR


@app.route("/docs/page")
def doc_page():
    doc = request.args.get("doc", "index.md")
    text = (DOCS_DIR / doc).read_text(encoding="utf-8")
    return {"doc": doc, "text": text}


@app.route("/docs/section")
def doc_section():
    doc = request.args.get("doc", "index.md")
    target = (DOCS_DIR / doc).resolve()
    if not target.is_relative_to(DOCS_DIR):
        abort(404)
    text = target.read_text(encoding="utf-8")
    return {"doc": doc, "text": text}
