"""Basket summaries."""
import logging

from flask import request

from bench.web import bp

log = logging.getLogger(__name__)


@bp.route("/xss/006/basket", methods=["POST"])
def basket_summary():
    quantity = int(request.form.get("qty", "1"))
    return "<p>%d item(s) added to your basket.</p>" % quantity


@bp.route("/xss/006/wishlist", methods=["POST"])
def wishlist_summary():
    quantity = request.form.get("qty", "1")
    if not quantity.isdigit():
        log.info("non-numeric quantity submitted")
    return "<p>%s item(s) added to your wishlist.</p>" % quantity
