from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.cookies.get("q", "")
    data = "%s" % value
    subprocess.run(["ping", "-c", "1", data], shell=False)
    return 'ok'
