import os

from flask import abort, request, send_file

from .app import app
from .storage import BASE_DIR


@app.route("/preview")
def preview():
    path = os.path.join(BASE_DIR, request.args.get("f", ""))
    if not path.startswith(BASE_DIR):
        abort(403)
    return send_file(path)


@app.route("/thumbnail")
def thumbnail():
    path = os.path.realpath(os.path.join(BASE_DIR, request.args.get("f", "")))
    if not path.startswith(BASE_DIR + os.sep):
        abort(403)
    return send_file(path)
