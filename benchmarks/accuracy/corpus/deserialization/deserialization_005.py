from flask import Flask, request, make_response
import base64
import json
import pickle
import yaml

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    data = value.lower() if value else value
    obj = yaml.load(data, Loader=yaml.Loader)
    return 'ok'
