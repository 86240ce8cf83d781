from flask import Flask, request, make_response
import base64
import json
import pickle
import yaml

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "%s" % value
    obj = yaml.unsafe_load(data)
    return 'ok'
