from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    data = f"{value}"
    os.system("ping -c 1 %d" % int(data))
    return 'ok'
