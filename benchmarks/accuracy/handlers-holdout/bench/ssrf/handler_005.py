"""Feed mirrors."""
import urllib.request

from flask import request

from bench.web import bp

PRIMARY_FEED = "https://feeds.example.com/main.xml"


@bp.route("/ssrf/005/feed")
def feed():
    mirror = request.cookies.get("mirror", "")
    feeds = [PRIMARY_FEED, mirror]
    feeds.pop()
    with urllib.request.urlopen(feeds[0], timeout=5) as resp:
        return {"xml": resp.read(4096).decode("utf-8", "replace")}


@bp.route("/ssrf/005/mirror")
def mirror_feed():
    mirror = request.cookies.get("mirror", "")
    feeds = [PRIMARY_FEED, mirror]
    feeds.pop(0)
    with urllib.request.urlopen(feeds[0], timeout=5) as resp:
        return {"xml": resp.read(4096).decode("utf-8", "replace")}
