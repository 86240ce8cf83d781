"""Shipping estimates."""
from flask import request

from bench.web import bp


def _formulas(custom: str) -> dict[str, str]:
    return {"standard": "weight * 1.5 + 4", "express": "weight * 3 + 9", "custom": custom}


@bp.route("/codeinj/004/standard")
def standard_estimate():
    formulas = _formulas(request.cookies.get("formula", ""))
    cost = eval(formulas.get("standard", "0"), {"__builtins__": {}}, {"weight": 2.0})
    return {"cost": cost}


@bp.route("/codeinj/004/custom")
def custom_estimate():
    formulas = _formulas(request.cookies.get("formula", ""))
    cost = eval(formulas.get("custom", "0"), {"__builtins__": {}}, {"weight": 2.0})
    return {"cost": cost}
