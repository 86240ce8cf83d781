from flask import Flask, request, make_response
import requests
import urllib.request
from urllib.parse import urlparse

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    store = {}
    store["k"] = value
    data = store["k"]
    target = "http://" + data + "/status"
    body = requests.get(target, timeout=5).text
    return 'ok'
