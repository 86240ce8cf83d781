from flask import Flask, request, make_response
import base64
import json
import pickle
import yaml

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.cookies.get("q", "")
    data = f"{value}"
    obj = json.loads(data)
    return 'ok'
