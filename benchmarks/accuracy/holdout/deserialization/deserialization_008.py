from flask import Flask, request, make_response
import base64
import json
import pickle
import yaml

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    store = {}
    store["k"] = value
    data = store["k"]
    obj = yaml.load(data, Loader=yaml.Loader)
    return 'ok'
