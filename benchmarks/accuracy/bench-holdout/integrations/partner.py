from urllib.parse import quote

import requests
from flask import abort, jsonify, request

from .app import app

PARTNER_API = "https://api.partner.example"


@app.route("/partner/proxy")
def partner_proxy():
    url = request.args.get("url", "")
    if not url.startswith(PARTNER_API):
        abort(400)
    resp = requests.get(url, timeout=5)
    return jsonify(resp.json())


@app.route("/partner/relay")
def partner_relay():
    url = request.args.get("url", "")
    if not url.startswith(PARTNER_API + "/"):
        abort(400)
    resp = requests.get(url, timeout=5)
    return jsonify(resp.json())


@app.route("/partner/regions/<region>/status")
def region_status(region):
    resp = requests.get(f"https://{region}.partner.example/v1/status", timeout=5)
    return jsonify(resp.json())


@app.route("/partner/zones/<zone>/status")
def zone_status(zone):
    resp = requests.get(f"https://api.partner.example/v1/zones/{quote(zone, safe='')}/status", timeout=5)
    return jsonify(resp.json())
