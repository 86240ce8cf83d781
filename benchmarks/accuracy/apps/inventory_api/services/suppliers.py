"""Supplier catalogue synchronisation."""
from __future__ import annotations

import logging

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
