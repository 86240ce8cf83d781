"""Bulk lookups posted as JSON."""
import sqlite3

from flask import Flask, jsonify, request

from bench import helpers


def register(app: Flask) -> None:
    """Attach the bulk lookup routes."""

    @app.route("/sqli/009/products", methods=["POST"])
    def products_by_ids():
        ids = [str(i) for i in (request.get_json(silent=True) or {}).get("ids", [])]
        marks = ",".join("?" * len(ids))
        conn = sqlite3.connect(helpers.DB_PATH)
        cur = conn.execute(f"SELECT id, name FROM products WHERE id IN ({marks})", ids)
        return jsonify(cur.fetchall())

    @app.route("/sqli/009/variants", methods=["POST"])
    def variants_by_ids():
        ids = [str(i) for i in (request.get_json(silent=True) or {}).get("ids", [])]
        marks = ",".join(ids)
        conn = sqlite3.connect(helpers.DB_PATH)
        cur = conn.execute(f"SELECT id, sku FROM variants WHERE id IN ({marks})")
        return jsonify(cur.fetchall())
