from flask import Flask, request, make_response
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    if value in ("a.txt", "b.txt"):
        content = open("/srv/files/" + value).read()
    return 'ok'
