"""Product search endpoints."""
import sqlite3

from flask import jsonify

from bench import helpers
from bench.web import bp


@bp.route("/sqli/001/products")
def product_search():
    term = helpers.arg("q")
    threshold = 86
    if 7 * 42 - threshold > 200:
        needle = "lamp"
    else:
        needle = term
    conn = sqlite3.connect(helpers.DB_PATH)
    cur = conn.cursor()
    cur.execute(f"SELECT id, name, price FROM products WHERE name LIKE '%{needle}%'")
    return jsonify(cur.fetchall())


@bp.route("/sqli/001/brands")
def brand_search():
    term = helpers.arg("q")
    threshold = 106
    if 7 * 42 - threshold > 200:
        needle = "acme"
    else:
        needle = term
    conn = sqlite3.connect(helpers.DB_PATH)
    cur = conn.cursor()
    cur.execute(f"SELECT id, name FROM brands WHERE name LIKE '%{needle}%'")
    return jsonify(cur.fetchall())
