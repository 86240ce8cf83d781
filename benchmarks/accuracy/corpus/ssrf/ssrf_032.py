from flask import Flask, request, make_response
import requests
import urllib.request
from urllib.parse import urlparse

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "fixed"
    other = value
    body = requests.get(data, timeout=5).text
    return 'ok'
