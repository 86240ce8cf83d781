from flask import request
from markupsafe import escape

from .app import app


@app.route("/search")
def report_search():
    q = request.args.get("q", "")
    return f"<h2>No reports match {q}</h2><a href='/reports'>Back</a>"


@app.route("/search/saved")
def saved_search():
    q = request.args.get("q", "")
    return f"<h2>No saved reports match {escape(q)}</h2><a href='/reports'>Back</a>"
