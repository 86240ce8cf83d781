"""The datacentre topology (racks and nodes) and inventory uploads in XML."""
from __future__ import annotations

import functools
import io
import xml.sax
from typing import Any
from xml.sax.handler import ContentHandler, feature_external_ges

from lxml import etree

from . import settings


@functools.lru_cache(maxsize=1)
def _topology() -> Any:
    return etree.parse(str(settings.TOPOLOGY_FILE))


def query(expression: str) -> list[dict[str, str]]:
    """Nodes selected by an XPath expression over the topology."""
    return [dict(node.attrib) for node in _topology().xpath(expression)]


class _HostCollector(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.hosts: list[dict[str, str]] = []
        self._text: list[str] = []

    def startElement(self, name: str, attrs: Any) -> None:
        if name == "host":
            self.hosts.append({"name": attrs.get("name", ""), "role": attrs.get("role", ""), "notes": ""})
            self._text = []

    def characters(self, content: str) -> None:
        self._text.append(content)

    def endElement(self, name: str) -> None:
        if name == "host" and self.hosts:
            self.hosts[-1]["notes"] = "".join(self._text).strip()


def parse_inventory(data: bytes, allow_includes: bool = False) -> list[dict[str, str]]:
    """Hosts of an uploaded inventory file; ``allow_includes`` lets it pull in shared fragments."""
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, allow_includes)
    collector = _HostCollector()
    parser.setContentHandler(collector)
    parser.parse(io.BytesIO(data))
    return collector.hosts
