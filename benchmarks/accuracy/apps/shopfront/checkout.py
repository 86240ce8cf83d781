"""Checkout: payment status, promotions and gift messages."""
from __future__ import annotations

import logging

from flask import Blueprint, abort, jsonify, render_template, render_template_string, request

from . import billing, settings

log = logging.getLogger(__name__)
bp = Blueprint("checkout", __name__)

GIFT_CARD = """
<div class="gift-card">
  <h3>{{ greeting }}</h3>
  <p>{{ message }}</p>
</div>
"""


@bp.route("/summary")
def summary():
    return render_template("checkout/summary.html")


@bp.route("/return", methods=["POST"])
def payment_return():
    data = request.json
    status = billing.fetch_status(data["status_url"])
    log.info("payment status received: %s", status.get("state") in ("paid", "pending"))
    return jsonify(state=status.get("state"))


@bp.route("/return/poll", methods=["POST"])
def payment_poll():
    data = request.get_json(force=True)
    status_url = data.get("status_url", "")
    if not billing.is_gateway_url(status_url):
        abort(400, "unexpected status link")
    status = billing.fetch_status(status_url)
    return jsonify(state=status.get("state"))


@bp.route("/promotions/try", methods=["POST"])
def try_promotion():
    rule = request.form.get("rule", "False")
    basket = {"subtotal": 120.0, "items": 3, "loyalty_years": 2}
    return jsonify(applies=billing.evaluate(rule, basket))


@bp.route("/promotions/validate", methods=["POST"])
def validate_promotion():
    rule = request.form.get("rule", "False")
    try:
        checked = billing.check_rule(rule, settings.PROMO_FIELDS)
    except (SyntaxError, ValueError) as exc:
        return jsonify(error=str(exc)), 400
    basket = {"subtotal": 120.0, "items": 3, "loyalty_years": 2}
    return jsonify(applies=billing.evaluate(checked, basket))


@bp.route("/gift/preview", methods=["POST"])
def gift_preview():
    greeting = request.form.get("greeting", "Happy birthday!")
    message = request.form.get("message", "")
    card = GIFT_CARD.replace("{{ greeting }}", greeting)
    return render_template_string(card, message=message)


@bp.route("/gift/render", methods=["POST"])
def gift_render():
    greeting = request.form.get("greeting", "Happy birthday!")
    message = request.form.get("message", "")
    return render_template_string(GIFT_CARD, greeting=greeting, message=message)
