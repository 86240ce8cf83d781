"""Label printing."""
from flask import Response, request
from lxml import etree

from bench.web import bp

LABEL_TEMPLATE = b"<label><to/><barcode>0000</barcode></label>"
PARSER = etree.XMLParser(resolve_entities=True)


@bp.route("/xxe/004/label", methods=["POST"])
def print_label():
    recipient = request.files["recipient"].read().decode("utf-8", "replace")
    label = etree.fromstring(LABEL_TEMPLATE, PARSER)
    label.find("to").text = recipient
    return Response(etree.tostring(label), mimetype="application/xml")


@bp.route("/xxe/004/relabel", methods=["POST"])
def relabel():
    upload = request.files["label"].read()
    label = etree.fromstring(upload, PARSER)
    label.find("barcode").text = "0000"
    return Response(etree.tostring(label), mimetype="application/xml")
