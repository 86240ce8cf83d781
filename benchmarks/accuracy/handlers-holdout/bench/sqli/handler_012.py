"""Product exports with client-chosen columns."""
from flask import jsonify, request

from bench import helpers
from bench.web import bp

EXPORTABLE = {"name", "price", "stock"}


@bp.route("/sqli/012/export")
def export_products():
    extra = request.args.get("column", "stock")
    columns = {"name", "price", extra}
    return jsonify(helpers.query("SELECT " + ", ".join(sorted(columns)) + " FROM products"))


@bp.route("/sqli/012/export-one")
def export_column():
    extra = request.args.get("column", "stock")
    if extra not in EXPORTABLE:
        return jsonify({"error": "unknown column"}), 400
    columns = {"name", extra}
    return jsonify(helpers.query("SELECT " + ", ".join(sorted(columns)) + " FROM products"))
