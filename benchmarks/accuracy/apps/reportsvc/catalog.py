"""The product catalogue, an XML export from the PIM refreshed nightly."""
from __future__ import annotations

import functools

from lxml import etree

from . import settings


@functools.lru_cache(maxsize=1)
def tree() -> etree._ElementTree:
    return etree.parse(settings.CATALOG_XML, etree.XMLParser(resolve_entities=False, no_network=True))


def select(expr: str, **variables: str) -> list[dict[str, str]]:
    nodes = tree().xpath(expr, **variables)
    return [{"sku": n.get("sku", ""), "name": n.findtext("name", "")} for n in nodes]
