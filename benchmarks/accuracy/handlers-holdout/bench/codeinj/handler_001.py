"""Quick calculators."""
import ast

from flask import request

from bench.web import bp


@bp.route("/codeinj/001/parse")
def parse_value():
    text = request.args.get("value", "0")
    value = ast.literal_eval(text)
    return {"value": value}


@bp.route("/codeinj/001/compute")
def compute_value():
    text = request.args.get("value", "0")
    value = eval(text)
    return {"value": value}
