"""Supplier integration: catalogue synchronisation and invoice imports."""
from __future__ import annotations

import logging
from xml.dom import pulldom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

import defusedxml.ElementTree as DET
import requests

log = logging.getLogger(__name__)
SESSION = requests.Session()
SESSION.headers["User-Agent"] = "inventory-sync/2.1"


def fetch_catalog(api_base: str) -> list[dict]:
    resp = SESSION.get(f"{api_base}/catalog", timeout=20)
    resp.raise_for_status()
    return resp.json().get("items", [])


def fetch_image(url: str) -> bytes:
    resp = SESSION.get(url, timeout=10)
    resp.raise_for_status()
    return resp.content


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
