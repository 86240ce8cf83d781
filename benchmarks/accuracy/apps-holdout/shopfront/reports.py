"""Back-office report pages, registered on the application by :func:`init_app`."""
from __future__ import annotations

import logging

from flask import Flask, abort, jsonify, make_response, render_template_string, request
from markupsafe import escape

from . import services

logger = logging.getLogger(__name__)

_ROW_TEMPLATE = "{% for row in rows %}<p>{{ row.name }}: {{ row.total }}</p>{% endfor %}"


def _price_inputs() -> dict[str, float]:
    return {
        "price": request.form.get("price", default=0.0, type=float),
        "cost": request.form.get("cost", default=0.0, type=float),
    }


def init_app(app: Flask) -> None:
    """Attach the report routes to ``app``."""

    @app.route("/reports/sales")
    def sales_summary():
        region = request.args.get("region", "all")
        html = "<h1>Sales last 30 days: " + region + "</h1><table>"
        for name, total in services.sales_totals():
            if region in ("all", name):
                html += f"<tr><td>{escape(name)}</td><td>{total / 100:.2f}</td></tr>"
        html += "</table>"
        return make_response(html)

    @app.route("/reports/stock")
    def stock_summary():
        warehouse = request.args.get("warehouse", "all")
        html = f"<h1>Stock in {escape(warehouse)}</h1><table>"
        for name, sku, quantity in services.stock_levels():
            if warehouse in ("all", name):
                html += f"<tr><td>{escape(sku)}</td><td>{quantity}</td></tr>"
        html += "</table>"
        return make_response(html)

    @app.route("/reports/email-preview", methods=["POST"])
    def email_preview():
        heading = request.form.get("heading", "Your weekly summary")
        template = "<h2>" + heading + "</h2>\n" + _ROW_TEMPLATE
        return render_template_string(template, rows=services.top_products())

    @app.route("/reports/newsletter-preview", methods=["POST"])
    def newsletter_preview():
        heading = request.form.get("heading", "New this week")
        template = "<h2>{{ heading }}</h2>\n" + _ROW_TEMPLATE
        return render_template_string(template, heading=heading, rows=services.top_products())

    @app.route("/reports/margin", methods=["POST"])
    def margin_calculator():
        formula = request.form.get("formula", "price - cost")
        try:
            result = services.evaluate_formula(formula, _price_inputs())
        except (ArithmeticError, NameError, SyntaxError, TypeError):
            abort(400)
        logger.info("custom margin formula evaluated")
        return jsonify(result=round(result, 2))

    @app.route("/reports/markup", methods=["POST"])
    def markup_calculator():
        kind = request.form.get("kind", "gross")
        formula = services.PRICING_FORMULAS.get(kind)
        if formula is None:
            abort(400)
        result = services.evaluate_formula(formula, _price_inputs())
        return jsonify(kind=kind, result=round(result, 2))
