"""Purchase order imports."""
from flask import request
from lxml import etree

from bench.web import bp


@bp.route("/xxe/001/orders", methods=["POST"])
def import_orders():
    parser = etree.XMLParser(resolve_entities=True)
    root = etree.fromstring(request.get_data(), parser)
    return {"lines": [line.findtext("sku") for line in root.iter("line")]}


@bp.route("/xxe/001/returns", methods=["POST"])
def import_returns():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(request.get_data(), parser)
    return {"lines": [line.findtext("sku") for line in root.iter("line")]}
