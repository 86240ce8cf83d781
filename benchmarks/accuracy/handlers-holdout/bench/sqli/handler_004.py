"""Order history for a customer account."""
from flask import abort, jsonify, request

from bench.helpers import OrderStore
from bench.web import bp


@bp.route("/sqli/004/orders")
def order_history():
    customer = request.headers.get("X-Customer", "")
    if not customer:
        abort(401)
    return jsonify(OrderStore().by_customer(customer))


@bp.route("/sqli/004/orders-by-number")
def order_history_by_number():
    customer = request.headers.get("X-Customer-Number", "")
    if not customer:
        abort(401)
    return jsonify(OrderStore().by_customer(str(int(customer))))
