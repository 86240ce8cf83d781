from flask import Flask, request, make_response
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    data = " ".join([value])
    with open(os.path.join("/srv/files", data)) as fh:
        content = fh.read()
    return 'ok'
