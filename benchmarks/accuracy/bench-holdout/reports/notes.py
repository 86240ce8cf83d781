from flask import render_template, request
from markupsafe import Markup

from .app import app


@app.route("/notes/preview")
def note_preview():
    note = request.args.get("note", "")
    note_html = Markup(f"<em>{note}</em>")
    return render_template("note.html", note_html=note_html)


@app.route("/notes/quote")
def note_quote():
    note = request.args.get("note", "")
    note_html = Markup("<em>{}</em>").format(note)
    return render_template("note.html", note_html=note_html)
