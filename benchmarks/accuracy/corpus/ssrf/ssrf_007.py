from flask import Flask, request, make_response
import requests
import urllib.request
from urllib.parse import urlparse

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    store = {}
    store["k"] = value
    data = store["k"]
    body = urllib.request.urlopen(data).read()
    return 'ok'
