from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.cookies.get("q", "")
    subprocess.Popen("grep " + value + " /var/log/app.log", shell=True)
    return 'ok'
