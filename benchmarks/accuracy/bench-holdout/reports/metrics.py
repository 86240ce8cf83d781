import ast

from flask import abort, jsonify, request

from .app import app
from .data import monthly_totals

FORMULAS = {"margin": "revenue - cost", "per_order": "revenue / max(orders, 1)"}


@app.route("/metrics/custom")
def custom_metric():
    formula = request.args.get("formula", "revenue")
    values = [eval(formula, {"__builtins__": {}, "max": max}, row) for row in monthly_totals(2026)]
    return jsonify(values)


@app.route("/metrics/named")
def named_metric():
    formula = FORMULAS.get(request.args.get("metric", ""))
    if formula is None:
        abort(400)
    values = [eval(formula, {"__builtins__": {}, "max": max}, row) for row in monthly_totals(2026)]
    return jsonify(values)


@app.route("/metrics/range")
def metric_range():
    bounds = eval(request.args.get("range", "(0, 12)"))
    rows = monthly_totals(2026)[bounds[0]:bounds[1]]
    return jsonify(rows)


@app.route("/metrics/window")
def metric_window():
    bounds = ast.literal_eval(request.args.get("range", "(0, 12)"))
    rows = monthly_totals(2026)[bounds[0]:bounds[1]]
    return jsonify(rows)
