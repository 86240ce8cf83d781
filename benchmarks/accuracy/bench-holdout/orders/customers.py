from flask import jsonify

from .blueprint import bp
from .db import get_conn
from .repository import OrderRepository


@bp.route("/customers/<int:customer_id>")
def customer_orders(customer_id):
    rows = OrderRepository(get_conn()).by_customer(customer_id)
    return jsonify({"customer": customer_id, "orders": [dict(r) for r in rows]})


@bp.route("/customers/ref/<customer_ref>")
def customer_orders_by_ref(customer_ref):
    ref = customer_ref.upper()
    if ref.startswith("C-"):
        ref = ref[2:]
    rows = OrderRepository(get_conn()).by_customer(ref)
    return jsonify({"customer": ref, "orders": [dict(r) for r in rows]})
