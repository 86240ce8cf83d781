from flask import Flask, request, make_response
import requests
import urllib.request
from urllib.parse import urlparse

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    data = "{}".format(value).strip()
    if urlparse(data).hostname in {"api.example.com"}:
        body = requests.get(data, timeout=5).text
    return 'ok'
