"""Catalogue pages: listing, search, product pages and comparisons."""
from __future__ import annotations

import logging

from flask import Blueprint, abort, jsonify, make_response, render_template, request
from markupsafe import Markup, escape

from . import db, markup, settings

log = logging.getLogger(__name__)
bp = Blueprint("catalog", __name__)


@bp.route("/")
def index():
    page = request.args.get("page", 0, type=int)
    products = db.list_products("created_at DESC", page, settings.PAGE_SIZE)
    return render_template("catalog/index.html", products=products, page=page)


@bp.route("/search")
def search():
    term = request.args.get("q", "").strip()
    rows = db.query(
        f"SELECT id, name, price FROM products WHERE active = 1 AND name LIKE '%{term}%' ORDER BY name"
    )
    return render_template("catalog/search.html", rows=rows, term=term)


@bp.route("/api/search")
def search_api():
    term = request.args.get("q", "").strip()
    rows = db.query(
        "SELECT id, name, price FROM products WHERE active = 1 AND name LIKE ? ORDER BY name",
        (f"%{term}%",),
    )
    return jsonify([dict(r) for r in rows])


@bp.route("/browse")
def browse():
    order = "name"
    if "sort" in request.args:
        order = request.args["sort"]
    page = request.args.get("page", 0, type=int)
    products = db.list_products(order, page, settings.PAGE_SIZE)
    return render_template("catalog/index.html", products=products, page=page)


@bp.route("/browse/<category>")
def browse_category(category: str):
    order = request.args.get("sort", "name")
    if order not in settings.SORTABLE_COLUMNS:
        log.info("ignoring unknown sort column")
        order = "name"
    products = db.list_products(order, 0, settings.PAGE_SIZE)
    return render_template("catalog/index.html", products=products, category=category)


@bp.route("/product")
def product_legacy():
    product_id = escape(request.args.get("id", "0"))
    rows = db.query(f"SELECT id, name, price, description FROM products WHERE id = {product_id}")
    if not rows:
        abort(404)
    return render_template("catalog/product.html", product=rows[0])


@bp.route("/product/<int:product_id>/stock")
def product_stock(product_id: int):
    warehouse = request.args.get("warehouse", 1, type=int)
    rows = db.query(
        f"SELECT sku, quantity FROM stock WHERE product_id = {product_id} AND warehouse = {warehouse}"
    )
    return jsonify([dict(r) for r in rows])


@bp.route("/compare")
def compare():
    ids = request.args.getlist("id")
    rows = db.query("SELECT id, name, price, rating FROM products WHERE id IN (%s)" % ",".join(ids))
    return render_template("catalog/compare.html", rows=rows)


@bp.route("/compare.json")
def compare_json():
    ids = request.args.getlist("id")[:10]
    return jsonify([dict(r) for r in db.products_by_ids(ids)])


@bp.route("/search/suggest")
def suggest():
    term = request.args.get("q", "")
    rows = db.query("SELECT name FROM products WHERE active = 1 AND name LIKE ? LIMIT 8", (term + "%",))
    if rows:
        return jsonify(suggestions=[r["name"] for r in rows])
    html = f"<p class='hint'>No products start with {term}</p>"
    return make_response(html, 200)


@bp.route("/search/empty")
def empty_results():
    term = request.args.get("q", "")
    html = f"<p class='empty'>Nothing matches <em>{escape(term)}</em> yet.</p>"
    return make_response(html, 200)


@bp.route("/reviews/preview", methods=["POST"])
def review_preview():
    text = request.form.get("text", "")
    return markup.fragment(markup.strip_scripts(text))


@bp.route("/reviews/quote", methods=["POST"])
def review_quote():
    text = request.form.get("text", "")
    author = request.form.get("author", "anonymous")
    return markup.fragment(f"<blockquote>{escape(text)}</blockquote><cite>{escape(author)}</cite>")


@bp.route("/badge/<label>")
def badge(label: str):
    return Markup(f'<span class="badge">{label}</span>')


@bp.route("/badge/<label>/large")
def badge_large(label: str):
    return Markup('<span class="badge badge-lg">{}</span>').format(label)
