from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    data = value
    data = "constant"
    subprocess.Popen("grep " + data + " /var/log/app.log", shell=True)
    return 'ok'
