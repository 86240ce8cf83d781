"""Bulk price adjustments."""
from flask import request

from bench.web import bp


@bp.route("/codeinj/007/adjust")
def adjust_prices():
    factors = request.args.getlist("factor")
    scope = {"prices": [10.0, 20.0, 30.0]}
    exec("adjusted = [p * {} for p in prices]".format(" * ".join(factors) or "1"), {}, scope)
    return {"prices": scope["adjusted"]}


@bp.route("/codeinj/007/scale")
def scale_prices():
    factors = [float(f) for f in request.args.getlist("factor")]
    scope = {"prices": [10.0, 20.0, 30.0]}
    exec("scaled = [p * {} for p in prices]".format(" * ".join(repr(f) for f in factors) or "1"), {}, scope)
    return {"prices": scope["scaled"]}
