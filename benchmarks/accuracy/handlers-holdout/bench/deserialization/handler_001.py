"""Saved shopping carts."""
import base64
import hashlib
import hmac
import os
import pickle

from flask import abort, request

from bench.web import bp

CART_KEY = os.environ.get("BENCH_CART_KEY", "").encode()


@bp.route("/deserialization/001/cart")
def restore_cart():
    blob = base64.urlsafe_b64decode(request.cookies.get("cart", ""))
    cart = pickle.loads(blob)
    return {"items": list(cart)}


@bp.route("/deserialization/001/saved-cart")
def restore_saved_cart():
    raw = request.cookies.get("saved_cart", "")
    mac, _, encoded = raw.partition(".")
    blob = base64.urlsafe_b64decode(encoded)
    expected = hmac.new(CART_KEY, blob, hashlib.sha256).hexdigest()
    if not CART_KEY or not hmac.compare_digest(mac, expected):
        abort(403)
    cart = pickle.loads(blob)
    return {"items": list(cart)}
