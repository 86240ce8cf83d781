"""Import of alert definitions exported by the old monitoring system."""
from __future__ import annotations

import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges


class AlertCollector(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.alerts: list[dict[str, str]] = []
        self._text: list[str] = []

    def startElement(self, name, attrs):
        if name == "alert":
            self.alerts.append(dict(attrs))
        self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if name == "description" and self.alerts:
            self.alerts[-1]["description"] = "".join(self._text).strip()


def parse_legacy(stream) -> list[dict[str, str]]:
    """Old exports reference a shared DTD of severities, so external entities are followed."""
    handler = AlertCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)
    return handler.alerts


def parse_current(stream) -> list[dict[str, str]]:
    handler = AlertCollector()
    parser = xml.sax.make_parser()
    parser.setContentHandler(handler)
    parser.parse(stream)
    return handler.alerts
