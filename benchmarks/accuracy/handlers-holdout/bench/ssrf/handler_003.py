"""Catalogue API relay."""
from urllib.parse import quote

from flask import request

from bench import helpers
from bench.web import bp


@bp.route("/ssrf/003/item")
def relay_item():
    item = request.values.get("item", "")
    return {"item": helpers.fetch("https://api.example.com/v1/items/" + quote(item, safe=""))}


@bp.route("/ssrf/003/regional")
def relay_regional():
    region = request.values.get("region", "eu")
    return {"items": helpers.fetch(f"https://{region}.api.example.com/v1/items")}
