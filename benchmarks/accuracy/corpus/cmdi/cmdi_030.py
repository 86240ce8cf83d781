from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    data = "{}".format(value).strip()
    if data in ("status", "uptime"):
        subprocess.run("systemctl " + data, shell=True)
    return 'ok'
