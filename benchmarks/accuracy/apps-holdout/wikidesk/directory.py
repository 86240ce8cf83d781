"""Read-only access to the company LDAP directory."""
from __future__ import annotations

import logging
from typing import Any

import ldap
from django.conf import settings

logger = logging.getLogger(__name__)

PERSON_ATTRIBUTES = ["uid", "cn", "mail", "title", "telephoneNumber", "ou"]


def _connect() -> Any:
    conn = ldap.initialize(settings.LDAP_URI)
    conn.set_option(ldap.OPT_REFERRALS, 0)
    conn.simple_bind_s(settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD)
    return conn


def find_people(filterstr: str, limit: int = 50) -> list[dict[str, str]]:
    """Entries under the people branch matching an LDAP filter."""
    conn = _connect()
    try:
        results = conn.search_s(settings.LDAP_PEOPLE_BASE, ldap.SCOPE_SUBTREE, filterstr, PERSON_ATTRIBUTES)
    finally:
        conn.unbind_s()
    people = []
    for _dn, attrs in results[:limit]:
        people.append({key: values[0].decode("utf-8") for key, values in attrs.items() if values})
    return people
