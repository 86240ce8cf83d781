"""Catalogue pages: search, browsing, tags, gift options and supplier feeds."""
from __future__ import annotations

import logging
import re
from urllib.parse import urlparse

from flask import Blueprint, abort, jsonify, render_template, request
from markupsafe import Markup

from . import clients, db, settings

logger = logging.getLogger(__name__)

bp = Blueprint("catalog", __name__, url_prefix="/catalog")


@bp.route("/search")
def search():
    """Free-text search on product names."""
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return render_template("catalog/search.html", products=[], term=term)
    products = db.find_products(f"name LIKE '%{term}%'")
    return render_template("catalog/search.html", products=products, term=term)


@bp.route("/browse")
def category_listing():
    """All active products of one category."""
    category = request.args.get("category", type=int)
    if category is None:
        abort(400)
    products = db.find_products(f"category_id = {category}", order_by="price_cents")
    return render_template("catalog/browse.html", products=products, category=category)


@bp.route("/tags")
def filter_tags():
    """Tag picker used by the admin product editor."""
    pattern = request.args.get("match", "")
    matcher = re.compile(pattern, re.IGNORECASE)
    return jsonify(tags=[tag for tag in db.all_tags() if matcher.search(tag)])


@bp.route("/tags/lookup")
def lookup_tags():
    """Autocomplete for the storefront tag filter."""
    prefix = request.args.get("prefix", "")
    matcher = re.compile(re.escape(prefix), re.IGNORECASE)
    return jsonify(tags=[tag for tag in db.all_tags() if matcher.match(tag)][:20])


@bp.route("/gift-message/preview", methods=["POST"])
def gift_message_preview():
    """Show the customer how the printed gift card will look."""
    message = request.form.get("message", "")[:280]
    preview = Markup(f'<p class="gift-note">{message}</p>')
    return render_template("catalog/gift_preview.html", preview=preview)


@bp.route("/engraving/preview", methods=["POST"])
def engraving_preview():
    """Show the engraving text on the product picture."""
    text = request.form.get("text", "")[:40]
    preview = Markup('<p class="engraving">{}</p>').format(text)
    return render_template("catalog/engraving_preview.html", preview=preview)


@bp.route("/feeds/import", methods=["POST"])
def import_supplier_feed():
    """Import a supplier's product feed into the staging table."""
    payload = request.get_json(silent=True) or {}
    url = str(payload.get("feed_url", ""))
    host = urlparse(url).hostname or ""
    if not host.endswith("supplier-hub.com"):
        abort(400, "unknown supplier")
    items = clients.fetch_feed(url)
    logger.info("staged %d supplier items", len(items))
    return jsonify(imported=len(items), sample=items[:3])


@bp.route("/feeds/preview", methods=["POST"])
def preview_supplier_feed():
    """Show the first items of a supplier feed before importing it."""
    payload = request.get_json(silent=True) or {}
    url = str(payload.get("feed_url", ""))
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in settings.FEED_HOSTS:
        abort(400, "unknown supplier")
    items = clients.fetch_feed(url)
    return jsonify(items=items[:10])
