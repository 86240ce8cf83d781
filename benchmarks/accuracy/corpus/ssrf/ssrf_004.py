from flask import Flask, request, make_response
import requests
import urllib.request
from urllib.parse import urlparse

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    body = requests.get(value, timeout=5).text
    return 'ok'
