import os

from flask import send_file, send_from_directory

from .app import app
from .storage import BASE_DIR


@app.route("/download/<path:name>")
def download(name):
    path = os.path.join(BASE_DIR, name)
    return send_file(path, as_attachment=True)


@app.route("/attachment/<path:name>")
def download_attachment(name):
    return send_from_directory(BASE_DIR, name, as_attachment=True)
