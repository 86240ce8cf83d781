import random

from flask import jsonify, request

from .blueprint import bp
from .db import fetch_all, get_conn


@bp.route("/guest", methods=["POST"])
def create_guest_order():
    email = request.form["email"]
    access_key = "%016x" % random.getrandbits(64)
    get_conn().execute("INSERT INTO guest_orders (email, access_key) VALUES (?, ?)", (email, access_key))
    return jsonify({"track_url": f"/orders/guest/{access_key}"})


@bp.route("/guest/suggestions")
def guest_suggestions():
    products = fetch_all("SELECT id, name FROM products WHERE featured = 1")
    random.shuffle(products)
    return jsonify(products[:4])
