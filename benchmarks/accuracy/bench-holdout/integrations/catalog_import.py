import defusedxml.ElementTree as DefusedET
from flask import jsonify, request
from lxml import etree

from .app import app
from .xmlparsing import parse_upload


@app.route("/import/products", methods=["POST"])
def import_products():
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True)
    root = etree.fromstring(request.data, parser)
    return jsonify([p.findtext("sku") for p in root.iter("product")])


@app.route("/import/prices", methods=["POST"])
def import_prices():
    root = DefusedET.fromstring(request.data)
    return jsonify({p.findtext("sku"): p.findtext("price") for p in root.iter("product")})


@app.route("/import/stock", methods=["POST"])
def import_stock():
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    tree = etree.parse(request.files["file"], parser)
    return jsonify({"items": len(tree.getroot())})


@app.route("/import/stock/check", methods=["POST"])
def check_stock_file():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.parse(request.files["file"], parser)
    return jsonify({"items": len(tree.getroot())})


@app.route("/import/catalogue", methods=["POST"])
def import_catalogue():
    tree = parse_upload(request.files["file"], expand_entities=True)
    return jsonify({"items": len(tree.getroot())})


@app.route("/import/catalogue/validate", methods=["POST"])
def validate_catalogue():
    tree = parse_upload(request.files["file"])
    return jsonify({"items": len(tree.getroot())})
