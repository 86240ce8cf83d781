"""Webhook test pings."""
import requests
from flask import request

from bench.web import bp

DEFAULT_HOOK = "https://hooks.example.com/test"
RETRIES = 2


@bp.route("/ssrf/004/ping", methods=["POST"])
def ping_webhook():
    url = (request.get_json(silent=True) or {}).get("url", "")
    if RETRIES * 10 >= 20:
        target = url
    else:
        target = DEFAULT_HOOK
    resp = requests.post(target, json={"event": "ping"}, timeout=5)
    return {"status": resp.status_code}


@bp.route("/ssrf/004/verify", methods=["POST"])
def verify_webhook():
    url = (request.get_json(silent=True) or {}).get("url", "")
    if RETRIES * 10 > 20:
        target = url
    else:
        target = DEFAULT_HOOK
    resp = requests.post(target, json={"event": "verify"}, timeout=5)
    return {"status": resp.status_code}
