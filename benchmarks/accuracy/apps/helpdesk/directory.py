"""Look agents and customers up in the company LDAP directory."""
from __future__ import annotations

import ldap

from . import conf


def _connect():
    conn = ldap.initialize(conf.LDAP_URI)
    conn.set_option(ldap.OPT_REFERRALS, 0)
    conn.simple_bind_s()
    return conn


def search_people(ldap_filter: str) -> list[dict]:
    conn = _connect()
    try:
        results = conn.search_s(conf.LDAP_BASE, ldap.SCOPE_SUBTREE, ldap_filter, ["cn", "mail", "telephoneNumber"])
    finally:
        conn.unbind_s()
    return [{k: v[0].decode() for k, v in attrs.items()} for _dn, attrs in results]
