"""Sortable order tables."""
import re

from flask import abort, jsonify, request

from bench.helpers import OrderStore
from bench.web import bp

COLUMN = re.compile(r"[a-z_]+")


@bp.route("/sqli/006/orders")
def sorted_orders():
    column = request.args.get("sort", "id")
    if not COLUMN.match(column):
        abort(400)
    return jsonify(OrderStore().page(column, 50))


@bp.route("/sqli/006/recent")
def sorted_recent_orders():
    column = request.args.get("sort", "id")
    if not COLUMN.fullmatch(column):
        abort(400)
    return jsonify(OrderStore().page(column, 20))
