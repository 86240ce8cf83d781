"""Configuration import: XML exports from the old console and alert thresholds."""
from __future__ import annotations

import ast
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

from lxml import etree
from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Request, Response

from ..pages import json_response

log = logging.getLogger("opsconsole.config")

THRESHOLD_NAMES = ("cpu", "memory", "disk", "latency_ms", "error_rate")


class HostCollector(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.hosts: list[str] = []
        self._text: list[str] = []

    def startElement(self, name, attrs):
        self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if name == "host":
            self.hosts.append("".join(self._text).strip())


def _collect_hosts(data: bytes, external_entities: bool) -> list[str]:
    handler = HostCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, external_entities)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return handler.hosts


def _settings_from_tree(root: etree._Element) -> dict[str, str]:
    return {el.get("name", ""): (el.text or "") for el in root.iter("setting")}


class ConfigImportHandlers:
    def import_console_xml(self, request: Request) -> Response:
        parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
        root = etree.fromstring(request.get_data(), parser)
        return json_response(_settings_from_tree(root))

    def validate_console_xml(self, request: Request) -> Response:
        parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
        root = etree.fromstring(request.get_data(), parser)
        return json_response({"settings": len(_settings_from_tree(root))})

    def import_inventory(self, request: Request) -> Response:
        hosts = _collect_hosts(request.get_data(), external_entities=True)
        return json_response({"hosts": hosts})

    def count_inventory(self, request: Request) -> Response:
        hosts = _collect_hosts(request.get_data(), external_entities=False)
        return json_response({"hosts": len(hosts)})

    def evaluate_threshold(self, request: Request) -> Response:
        body = request.get_json(silent=True) or {}
        metrics = {name: float(body.get(name, 0)) for name in THRESHOLD_NAMES}
        expression = str(body.get("rule", "cpu > 90"))
        firing = bool(eval(expression, {"__builtins__": None}, metrics))
        return json_response({"firing": firing})

    def parse_thresholds(self, request: Request) -> Response:
        text = request.get_data(as_text=True)
        try:
            thresholds = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            raise BadRequest("thresholds must be a literal mapping")
        if not isinstance(thresholds, dict):
            raise BadRequest("thresholds must be a mapping")
        unknown = sorted(set(thresholds) - set(THRESHOLD_NAMES))
        return json_response({"thresholds": len(thresholds), "unknown": unknown})
