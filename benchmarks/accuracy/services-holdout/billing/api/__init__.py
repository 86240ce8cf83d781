"""HTTP layer: one blueprint per resource."""
from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from . import account, admin, customers, invoices

    for module in (invoices, customers, account, admin):
        app.register_blueprint(module.bp)
