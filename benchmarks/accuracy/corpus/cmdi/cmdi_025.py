from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    subprocess.run("ping -c 1 " + shlex.quote(value), shell=True)
    return 'ok'
