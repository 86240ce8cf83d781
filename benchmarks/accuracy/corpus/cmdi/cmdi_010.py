from flask import Flask, request, make_response
import os
import shlex
import subprocess

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    out = os.popen("nslookup %s" % value).read()
    return 'ok'
