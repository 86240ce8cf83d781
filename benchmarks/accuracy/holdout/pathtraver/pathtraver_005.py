from flask import Flask, request, make_response
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.args.get("q", "")
    content = open("/srv/files/" + value).read()
    return 'ok'
