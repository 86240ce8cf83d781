from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.args.get("q", "")
    items = [value, "safe"]
    data = items[1]
    subprocess.check_output(["sh", "-c", "echo " + data])
    return 'ok'
