"""Customer directory filtered by the visitor's saved preferences."""
from flask import jsonify, request

from bench import helpers
from bench.web import bp


@bp.route("/sqli/003/customers")
def customers_by_preference():
    city = request.cookies.get("city", "")
    filters = {"name": "%", "city": city}
    pattern = filters.get("name", "%")
    sql = "SELECT id, name FROM customers WHERE name LIKE '{}' ORDER BY name".format(pattern)
    return jsonify(helpers.query(sql))


@bp.route("/sqli/003/suppliers")
def suppliers_by_preference():
    city = request.cookies.get("city", "")
    filters = {"name": "%", "city": city}
    place = filters.get("city", "Lyon")
    sql = "SELECT id, name FROM suppliers WHERE city = '{}' ORDER BY name".format(place)
    return jsonify(helpers.query(sql))
