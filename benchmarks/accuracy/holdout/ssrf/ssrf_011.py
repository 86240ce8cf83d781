from flask import Flask, request, make_response
import requests
import urllib.request
from urllib.parse import urlparse

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    data = f"{value}"
    body = requests.post(data, json={"a": 1}, timeout=5)
    return 'ok'
