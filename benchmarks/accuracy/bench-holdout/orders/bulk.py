from flask import jsonify, request

from .blueprint import bp
from .db import fetch_all


@bp.route("/bulk/status", methods=["POST"])
def bulk_status():
    ids = (request.get_json(silent=True) or {}).get("ids", [])[:100]
    wanted = []
    for order_id in ids:
        wanted.append(str(order_id))
    if not wanted:
        return jsonify([])
    sql = "SELECT id, status FROM orders WHERE id IN (" + ",".join(wanted) + ")"
    return jsonify(fetch_all(sql))


@bp.route("/bulk/totals", methods=["POST"])
def bulk_totals():
    ids = (request.get_json(silent=True) or {}).get("ids", [])[:100]
    if not ids:
        return jsonify([])
    marks = ",".join("?" for _ in ids)
    sql = "SELECT id, total FROM orders WHERE id IN (" + marks + ")"
    return jsonify(fetch_all(sql, tuple(ids)))
