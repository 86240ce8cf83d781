import io
import xml.sax
from xml.dom import pulldom
from xml.sax.handler import ContentHandler, feature_external_ges

from defusedxml import pulldom as defused_pulldom
from flask import jsonify, request

from .app import app


class OrderCounter(ContentHandler):
    def __init__(self):
        super().__init__()
        self.count = 0
        self.refs: list[str] = []

    def startElement(self, name, attrs):
        if name == "order":
            self.count += 1
            self.refs.append(attrs.get("ref", ""))


@app.route("/feeds/orders", methods=["POST"])
def receive_order_feed():
    handler = OrderCounter()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(request.get_data()))
    return jsonify({"orders": handler.count, "refs": handler.refs})


@app.route("/feeds/returns", methods=["POST"])
def receive_returns_feed():
    handler = OrderCounter()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(request.get_data()))
    return jsonify({"orders": handler.count, "refs": handler.refs})


@app.route("/feeds/shipments", methods=["POST"])
def receive_shipments():
    sax_parser = xml.sax.make_parser()
    sax_parser.setFeature(feature_external_ges, True)
    events = pulldom.parseString(request.get_data(as_text=True), parser=sax_parser)
    refs = []
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "shipment":
            events.expandNode(node)
            refs.append(node.toxml())
    return jsonify(refs)


@app.route("/feeds/deliveries", methods=["POST"])
def receive_deliveries():
    events = defused_pulldom.parseString(request.get_data(as_text=True))
    refs = []
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "delivery":
            events.expandNode(node)
            refs.append(node.toxml())
    return jsonify(refs)
