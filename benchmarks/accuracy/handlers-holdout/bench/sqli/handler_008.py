"""Catalogue browsing by department."""
import sqlite3

from flask import jsonify, request

from bench import helpers
from bench.web import bp


@bp.route("/sqli/008/aisle")
def aisle():
    term = request.args.get("term", "")
    joined = "|".join(["electronics", term])
    department = joined.split("|")[1]
    conn = sqlite3.connect(helpers.DB_PATH)
    rows = conn.execute("SELECT sku, title FROM catalogue WHERE department = '%s'" % department).fetchall()
    return jsonify(rows)


@bp.route("/sqli/008/shelf")
def shelf():
    term = request.args.get("term", "")
    joined = "|".join(["garden", term])
    department = joined.split("|")[0]
    conn = sqlite3.connect(helpers.DB_PATH)
    rows = conn.execute("SELECT sku, title FROM catalogue WHERE department = '%s'" % department).fetchall()
    return jsonify(rows)
