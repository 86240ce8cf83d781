from flask import Flask, request, make_response
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    full = os.path.realpath(os.path.join("/srv/files", value))
    if full.startswith("/srv/files/"):
        content = open(full).read()
    return 'ok'
