from flask import Flask, request, make_response
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    data = "{}".format(value).strip()
    content = open("/srv/files/" + secure_filename(data)).read()
    return 'ok'
