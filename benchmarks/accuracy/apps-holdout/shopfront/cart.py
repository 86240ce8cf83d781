"""Shopping cart: saving and restoring carts and wish lists across devices."""
from __future__ import annotations

import hmac
import logging

from flask import Blueprint, abort, jsonify, make_response, request, session

from . import services

logger = logging.getLogger(__name__)

bp = Blueprint("cart", __name__, url_prefix="/cart")

COOKIE_MAX_AGE = 60 * 60 * 24 * 30


def _split_cookie(raw: str) -> tuple[str, str]:
    payload, _, signature = raw.partition(".")
    return payload, signature


@bp.route("/save", methods=["POST"])
def save_cart():
    items = [(int(sku), int(qty)) for sku, qty in session.get("cart", [])]
    response = make_response(jsonify(saved=len(items)))
    response.set_cookie("saved_cart", services.encode_blob(items), max_age=COOKIE_MAX_AGE, httponly=True)
    return response


@bp.route("/restore")
def restore_cart():
    """Put a cart saved on this device back into the session."""
    payload, signature = _split_cookie(request.cookies.get("saved_cart", ""))
    if not payload:
        return jsonify(restored=0)
    if signature and not hmac.compare_digest(services.sign(payload), signature):
        abort(400)
    items = services.decode_blob(payload)
    session["cart"] = [(int(sku), int(qty)) for sku, qty in items]
    return jsonify(restored=len(session["cart"]))


@bp.route("/wishlist/restore")
def restore_wishlist():
    """Put a wish list saved on this device back into the session."""
    payload, signature = _split_cookie(request.cookies.get("saved_wishlist", ""))
    if not payload:
        return jsonify(restored=0)
    if not hmac.compare_digest(services.sign(payload), signature):
        abort(400)
    items = services.decode_blob(payload)
    session["wishlist"] = [int(sku) for sku in items]
    return jsonify(restored=len(session["wishlist"]))
