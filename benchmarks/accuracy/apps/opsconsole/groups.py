"""Who is in which on-call group, from LDAP."""
from __future__ import annotations

import ldap

from . import settings


def members(group_filter: str) -> list[str]:
    conn = ldap.initialize(settings.LDAP_URI)
    conn.simple_bind_s()
    try:
        results = conn.search_s(settings.LDAP_GROUPS_BASE, ldap.SCOPE_SUBTREE, group_filter, ["memberUid"])
    finally:
        conn.unbind_s()
    return sorted({m.decode() for _dn, attrs in results for m in attrs.get("memberUid", [])})
