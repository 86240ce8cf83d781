from urllib.parse import urlparse

from flask import abort, jsonify, request

from .app import app
from .http import fetch

ALLOWED_HOSTS = ("hooks.slack.com", "api.partner.example")


@app.route("/webhooks/test", methods=["POST"])
def test_webhook():
    url = request.get_json(force=True).get("url", "")
    body = fetch(url)
    return jsonify({"bytes": len(body)})


@app.route("/webhooks/verify", methods=["POST"])
def verify_webhook():
    url = request.get_json(force=True).get("url", "")
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        abort(400)
    body = fetch(url)
    return jsonify({"bytes": len(body)})


@app.route("/webhooks/slack/check", methods=["POST"])
def check_slack_hook():
    url = request.form.get("url", "")
    if "hooks.slack.com" not in url:
        abort(400)
    return jsonify({"bytes": len(fetch(url))})


@app.route("/webhooks/slack/ping", methods=["POST"])
def ping_slack_hook():
    url = request.form.get("url", "")
    if urlparse(url).hostname != "hooks.slack.com":
        abort(400)
    return jsonify({"bytes": len(fetch(url))})
