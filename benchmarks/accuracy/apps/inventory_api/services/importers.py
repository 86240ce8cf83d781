"""Bulk imports: supplier invoices (XML) and stock snapshots."""
from __future__ import annotations

from xml.dom import pulldom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

import defusedxml.ElementTree as DET


def invoice_lines(stream) -> list[dict[str, str]]:
    """Invoices from older supplier systems declare their line types in an external DTD."""
    parser = make_parser()
    parser.setFeature(feature_external_ges, True)
    lines = []
    events = pulldom.parse(stream, parser=parser)
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "line":
            events.expandNode(node)
            note = "".join(ch.data for ch in node.childNodes if ch.nodeType == ch.TEXT_NODE).strip()
            lines.append({"sku": node.getAttribute("sku"), "qty": node.getAttribute("qty"), "note": note})
    return lines


def credit_note_lines(stream) -> list[dict[str, str]]:
    root = DET.parse(stream).getroot()
    return [
        {"sku": el.get("sku", ""), "qty": el.get("qty", "0"), "note": (el.text or "").strip()}
        for el in root.iter("line")
    ]
