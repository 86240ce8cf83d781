from flask import Flask, request, make_response
import requests
import urllib.request
from urllib.parse import urlparse

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    data = "{}".format(value).strip()
    body = requests.get("https://api.example.com/items/" + data, timeout=5).text
    return 'ok'
