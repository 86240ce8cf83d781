"""Parsing of partner XML feeds."""
from __future__ import annotations

import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

import defusedxml.ElementTree as DefusedET
from lxml import etree


class PriceHandler(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.prices: dict[str, str] = {}
        self._sku = ""

    def startElement(self, name, attrs):
        if name == "price":
            self._sku = attrs.get("sku", "")
            self.prices[self._sku] = attrs.get("amount", "0")


def parse_orders(data: bytes):
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    return etree.fromstring(data, parser)


def parse_orders_strict(data: bytes):
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    return etree.fromstring(data, parser)


def parse_shipments(data: bytes):
    return DefusedET.fromstring(data)


def parse_prices(data: bytes, external: bool) -> dict[str, str]:
    handler = PriceHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, external)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return handler.prices
