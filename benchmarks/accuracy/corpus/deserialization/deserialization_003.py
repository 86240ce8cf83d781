from flask import Flask, request, make_response
import base64
import json
import pickle
import yaml

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    store = {}
    store["k"] = value
    data = store["k"]
    obj = pickle.loads(base64.b64decode(data))
    return 'ok'
