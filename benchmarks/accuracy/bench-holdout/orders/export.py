"""CSV-ish exports for finance."""
from html import escape

from flask import jsonify, request

from .blueprint import bp
from .db import fetch_all


@bp.route("/export/large")
def export_large_orders():
    min_total = escape(request.args.get("min", "100"))
    sql = f"SELECT id, customer_id, total FROM orders WHERE total >= {min_total} ORDER BY total DESC"
    return jsonify(fetch_all(sql))


@bp.route("/export/refunds")
def export_refunds():
    try:
        min_amount = float(request.args.get("min", "0"))
    except ValueError:
        return jsonify({"error": "min must be a number"}), 400
    sql = f"SELECT id, order_id, amount FROM refunds WHERE amount >= {min_amount} ORDER BY amount DESC"
    return jsonify(fetch_all(sql))
