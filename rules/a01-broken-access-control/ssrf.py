import urllib.request
from urllib.parse import urlparse

import requests
from flask import request

ALLOWED = {"api.example.com"}


def fetch():
    url = request.args["url"]
    # ruleid: secsdlc.python.access-control.ssrf
    requests.get(url, timeout=5)
    # ruleid: secsdlc.python.access-control.ssrf
    urllib.request.urlopen(url)
    # ruleid: secsdlc.python.access-control.ssrf
    requests.post("http://" + url + "/hook", timeout=5)
    # ok: secsdlc.python.access-control.ssrf
    requests.get("https://api.example.com/items/" + url, timeout=5)
    # ok: secsdlc.python.access-control.ssrf
    requests.get("https://api.example.com/search", params={"q": url}, timeout=5)
    if urlparse(url).hostname in ALLOWED:
        # ok: secsdlc.python.access-control.ssrf
        requests.get(url, timeout=5)
