"""Shopping cart, kept client-side in a cookie for anonymous visitors."""
from __future__ import annotations

import base64
import json
import logging
import pickle

from flask import Blueprint, jsonify, make_response, render_template, request

log = logging.getLogger(__name__)
bp = Blueprint("cart", __name__)
COOKIE = "sf_cart"


def _encode(cart: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(cart).encode()).decode()


@bp.route("/")
def show():
    raw = request.cookies.get(COOKIE)
    cart = pickle.loads(base64.urlsafe_b64decode(raw)) if raw else {}
    return render_template("cart/show.html", cart=cart)


@bp.route("/summary.json")
def summary():
    raw = request.cookies.get(COOKIE)
    cart = json.loads(base64.urlsafe_b64decode(raw)) if raw else {}
    return jsonify(items=len(cart), skus=sorted(cart))


@bp.route("/add", methods=["POST"])
def add():
    payload = request.get_json(silent=True) or {}
    sku = str(payload.get("sku", ""))
    qty = int(payload.get("qty", 1))
    raw = request.cookies.get(COOKIE)
    cart = json.loads(base64.urlsafe_b64decode(raw)) if raw else {}
    cart[sku] = cart.get(sku, 0) + qty
    resp = make_response(jsonify(items=len(cart)))
    resp.set_cookie(COOKIE, _encode(cart), httponly=True, samesite="Lax")
    return resp
