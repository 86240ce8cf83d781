from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.args.get("q", "")
    store = {}
    store["k"] = value
    data = store["k"]
    subprocess.run(f"ls {data}", shell=True)
    return 'ok'
