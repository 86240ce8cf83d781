"""Outbound HTTP clients (supplier feeds)."""
from __future__ import annotations

import logging
from typing import Any

import requests

from . import settings

logger = logging.getLogger(__name__)

_session = requests.Session()
_session.headers.update({"User-Agent": "shopfront-feed-importer/2.3", "Accept": "application/json"})


def fetch_feed(url: str) -> list[dict[str, Any]]:
    """Download a supplier feed and return its items."""
    response = _session.get(url, timeout=settings.FEED_TIMEOUT)
    response.raise_for_status()
    items = response.json().get("items", [])
    logger.info("feed returned %d items", len(items))
    return items
