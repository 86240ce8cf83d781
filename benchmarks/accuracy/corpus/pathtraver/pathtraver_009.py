from flask import Flask, request, make_response
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "{}".format(value).strip()
    content = Path("/srv/files", data).read_text()
    return 'ok'
