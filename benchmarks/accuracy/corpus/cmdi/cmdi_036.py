from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    items = [value, "safe"]
    data = items[1]
    subprocess.run(f"ls {data}", shell=True)
    return 'ok'
