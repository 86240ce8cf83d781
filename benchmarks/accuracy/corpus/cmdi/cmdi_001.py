from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    data = "%s" % value
    os.system("ping -c 1 " + data)
    return 'ok'
