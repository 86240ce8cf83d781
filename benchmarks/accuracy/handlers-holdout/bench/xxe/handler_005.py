"""Invoice batch validation."""
import io

from defusedxml import ElementTree as DefusedTree
from flask import request
from lxml import etree

from bench.web import bp


def _totals(root) -> list[str]:
    return [node.text or "" for node in root.iter("total")]


@bp.route("/xxe/005/validate", methods=["POST"])
def validate_batch():
    document = request.form["batch"]
    root = DefusedTree.fromstring(document)
    return {"totals": _totals(root)}


@bp.route("/xxe/005/reconcile", methods=["POST"])
def reconcile_batch():
    document = request.form["batch"]
    tree = etree.parse(io.StringIO(document), etree.XMLParser(resolve_entities=True, load_dtd=True))
    return {"totals": _totals(tree.getroot())}
