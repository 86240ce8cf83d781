"""LDAP lookups for group sync."""
from __future__ import annotations

import logging

from ldap3 import SUBTREE, Connection, Server

from hub import config

log = logging.getLogger(__name__)


class Directory:
    def __init__(self, bind_dn: str, password: str) -> None:
        self.conn = Connection(Server(config.LDAP_URL), bind_dn, password, auto_bind=True, read_only=True)

    def search(self, base: str, flt: str, attrs: list[str]) -> list[dict]:
        log.debug("ldap search %s", flt)
        self.conn.search(base, flt, search_scope=SUBTREE, attributes=attrs)
        return [e.entry_attributes_as_dict for e in self.conn.entries]
