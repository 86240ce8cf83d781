from flask import jsonify, request

from .blueprint import bp
from .db import fetch_all


@bp.route("/search")
def search_orders():
    """Free-text search on SKU for the support console."""
    term = request.args.get("q", "").strip()
    if not term:
        return jsonify([])
    sql = "SELECT id, sku, total FROM order_lines WHERE sku LIKE '%" + term + "%' LIMIT 50"
    return jsonify(fetch_all(sql))


@bp.route("/search/notes")
def search_order_notes():
    term = request.args.get("q", "").strip()
    if not term:
        return jsonify([])
    sql = "SELECT id, note FROM order_notes WHERE note LIKE ? LIMIT 50"
    return jsonify(fetch_all(sql, (f"%{term}%",)))
