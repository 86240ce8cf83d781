"""Contact list uploads."""
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

from flask import request

from bench.web import bp

EXTERNAL_ENTITIES = {"import": True, "preview": False}


class NameCollector(ContentHandler):
    """Collects the text of every <name> element."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self._inside = False

    def startElement(self, name, attrs):
        self._inside = name == "name"
        if self._inside:
            self.names.append("")

    def characters(self, content):
        if self._inside:
            self.names[-1] += content


@bp.route("/xxe/002/contacts", methods=["POST"])
def contacts_import():
    data = request.form.get("document", "").encode()
    handler = NameCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, EXTERNAL_ENTITIES["import"])
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return {"names": handler.names}


@bp.route("/xxe/002/contacts/preview", methods=["POST"])
def contacts_preview():
    data = request.form.get("document", "").encode()
    handler = NameCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, EXTERNAL_ENTITIES["preview"])
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return {"names": handler.names}
