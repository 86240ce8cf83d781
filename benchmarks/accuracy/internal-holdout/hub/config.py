"""Partner and directory configuration, loaded once at start-up."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Partner:
    name: str
    base_url: str
    secret: str
    callback_hosts: tuple[str, ...] = field(default_factory=tuple)


PARTNERS = {
    "acme": Partner("acme", "https://api.acme-logistics.example/v2/", os.environ.get("ACME_SECRET", ""), ("hooks.acme-logistics.example",)),
    "globex": Partner("globex", "https://partners.globex.example/api/", os.environ.get("GLOBEX_SECRET", ""), ("globex.example",)),
}
FEEDS = {
    "acme-stock": "https://feeds.acme-logistics.example/stock.xml",
    "globex-prices": "https://partners.globex.example/feeds/prices.xml",
}
LDAP_URL = "ldaps://ldap.corp.example"
LDAP_BASE = "ou=groups,dc=corp,dc=example"
LDAP_PEOPLE = "ou=people,dc=corp,dc=example"
ATTACHMENT_DIR = Path("/srv/hub/attachments")
DB_PATH = "/srv/hub/hub.sqlite3"
TEMPLATE_DIR = "/srv/hub/templates"
