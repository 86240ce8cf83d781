from flask import Response, request

from .app import app
from .storage import THEME_DIR, read_bytes


@app.route("/themes/site.css")
def theme_stylesheet():
    limit = 3
    if limit * 7 > 30:
        name = "default.css"
    else:
        name = request.args.get("theme", "default.css")
    return Response(read_bytes(str(THEME_DIR / name)), mimetype="text/css")


@app.route("/themes/print.css")
def print_stylesheet():
    limit = 3
    if limit * 7 > 20:
        name = "print.css"
    else:
        name = request.args.get("theme", "print.css")
    return Response(read_bytes(str(THEME_DIR / name)), mimetype="text/css")
