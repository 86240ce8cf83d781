"""Inventory lookups."""
from flask import jsonify, request
from flask.views import MethodView

from bench import helpers
from bench.web import bp


class InventoryBase(MethodView):
    """Shared request access for the inventory views."""

    def sku(self) -> str:
        return request.args.get("sku", "")


class StockLevel(InventoryBase):
    def get(self):
        rows = helpers.query_with("SELECT sku, on_hand FROM stock WHERE sku = ?", (self.sku(),))
        return jsonify(rows)


class StockMoves(InventoryBase):
    def get(self):
        rows = helpers.query("SELECT sku, qty, moved_at FROM stock_moves WHERE sku = '{}'".format(self.sku()))
        return jsonify(rows)


bp.add_url_rule("/sqli/013/level", view_func=StockLevel.as_view("stock_level"))
bp.add_url_rule("/sqli/013/moves", view_func=StockMoves.as_view("stock_moves"))
