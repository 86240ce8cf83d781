"""Discount rules submitted by the pricing console."""
from flask import request

from bench.web import bp

LIMIT = 3


@bp.route("/codeinj/003/discount", methods=["POST"])
def discount():
    formula = (request.get_json(silent=True) or {}).get("formula", "0")
    scope: dict[str, float] = {"price": 100.0}
    code = "result = " + (formula if LIMIT * 2 > 5 else "price * 0.9")
    exec(code, {}, scope)
    return {"result": scope["result"]}


@bp.route("/codeinj/003/markup", methods=["POST"])
def markup():
    formula = (request.get_json(silent=True) or {}).get("formula", "0")
    scope: dict[str, float] = {"price": 100.0}
    code = "result = " + (formula if LIMIT * 2 > 7 else "price * 1.2")
    exec(code, {}, scope)
    return {"result": scope["result"]}
