from flask import Flask, request, make_response
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    items = []
    items.append(value)
    data = items[0]
    os.remove(os.path.join("/srv/uploads", data))
    return 'ok'
