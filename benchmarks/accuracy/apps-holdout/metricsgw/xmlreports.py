"""Dashboard definitions, kept in one XML file edited by the SRE team."""
from __future__ import annotations

import functools
from typing import Any

from lxml import etree

from . import config


@functools.lru_cache(maxsize=1)
def dashboards() -> Any:
    return etree.parse(config.DASHBOARD_XML, etree.XMLParser(resolve_entities=False, no_network=True))


def select(expression: str, **variables: str) -> list[Any]:
    """Evaluate an XPath expression against the dashboard definitions."""
    return dashboards().xpath(expression, **variables)


def describe(panel: Any) -> dict[str, str]:
    return {
        "id": panel.get("id", ""),
        "title": panel.findtext("title", default=""),
        "owner": panel.get("owner", ""),
        "query": panel.findtext("query", default=""),
    }
