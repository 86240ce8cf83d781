"""Runtime settings, read once from the environment at import time."""
from __future__ import annotations

import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))

SECRET_KEY = os.environ["SHOPFRONT_SECRET_KEY"]
LOG_LEVEL = os.environ.get("SHOPFRONT_LOG_LEVEL", "INFO")
DATABASE = os.environ.get("SHOPFRONT_DB", os.path.join(BASE_DIR, "shop.sqlite3"))

MANUAL_DIR = os.path.join(BASE_DIR, "static", "manuals")
DATASHEET_DIR = os.environ.get("SHOPFRONT_DATASHEETS", "/srv/shopfront/datasheets")

FEED_HOSTS = frozenset({"feeds.supplier-hub.com", "export.partner-feeds.net"})
FEED_TIMEOUT = 10

CURRENCIES = ("EUR", "GBP", "USD", "CHF")
DEFAULT_CURRENCY = "EUR"
PAGE_SIZE = 24
