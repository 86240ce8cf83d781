"""Staff lookups against the directory, used to attribute stock movements."""
from __future__ import annotations

from ldap3 import ALL, Connection, Server

from . import conf


def find(ldap_filter: str) -> list[dict]:
    server = Server(conf.LDAP_SERVER, get_info=ALL)
    with Connection(server, auto_bind=True) as conn:
        conn.search(conf.LDAP_BASE, ldap_filter, attributes=["cn", "mail", "departmentNumber"])
        return [entry.entry_attributes_as_dict for entry in conn.entries]
