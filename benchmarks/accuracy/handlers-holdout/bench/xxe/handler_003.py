"""Event stream readers."""
import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges

from flask import request

from bench.web import bp

STRICT = "on"


def _reader(strict: bool) -> xml.sax.xmlreader.XMLReader:
    reader = xml.sax.make_parser()
    reader.setFeature(feature_external_ges, not strict)
    return reader


@bp.route("/xxe/003/events", methods=["POST"])
def read_events():
    text = request.values.get("xml", "")
    events = pulldom.parseString(text, parser=_reader(STRICT == "on"))
    titles = []
    for kind, node in events:
        if kind == pulldom.START_ELEMENT and node.tagName == "title":
            events.expandNode(node)
            titles.append(node.toxml())
    return {"titles": titles}


@bp.route("/xxe/003/agenda", methods=["POST"])
def read_agenda():
    text = request.values.get("xml", "")
    events = pulldom.parseString(text, parser=_reader(STRICT == "off"))
    titles = []
    for kind, node in events:
        if kind == pulldom.START_ELEMENT and node.tagName == "title":
            events.expandNode(node)
            titles.append(node.toxml())
    return {"titles": titles}
