"""Partner registry, kept as XML because the partner team edits it by hand."""
from __future__ import annotations

from lxml import etree

from . import settings

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def _tree() -> etree._ElementTree:
    return etree.parse(settings.PARTNERS_XML, _PARSER)


def query(expr: str, **variables: str) -> list[str]:
    return [str(v) for v in _tree().xpath(expr, **variables)]


def by_region(compiled: etree.XPath, **variables: str) -> list[str]:
    return [el.get("code", "") for el in compiled(_tree(), **variables)]


def names() -> list[str]:
    return query("//partner/@name")
