import logging

from flask import jsonify, request

from .blueprint import bp
from .db import get_conn
from .repository import OrderRepository

log = logging.getLogger(__name__)
SORT_COLUMNS = ("created_at", "total", "status")


@bp.route("/by-status/<status>")
def orders_by_status(status):
    sort = request.args.get("sort", "created_at")
    if sort not in SORT_COLUMNS:
        log.warning("unknown sort column requested: %r", sort)
    rows = OrderRepository(get_conn()).by_status(status, sort)
    return jsonify([dict(r) for r in rows])


@bp.route("/by-status/<status>/recent")
def recent_orders_by_status(status):
    sort = request.args.get("sort", "created_at")
    if sort not in SORT_COLUMNS:
        log.warning("unknown sort column requested: %r", sort)
        sort = "created_at"
    rows = OrderRepository(get_conn()).by_status(status, sort + " DESC")
    return jsonify([dict(r) for r in rows][:20])
