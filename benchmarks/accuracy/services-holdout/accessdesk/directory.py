"""LDAP directory access (ldap3)."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from ldap3 import ALL, Connection, Server

log = logging.getLogger("accessdesk.directory")
PERSON_ATTRIBUTES = ["uid", "cn", "mail", "department", "manager", "employeeNumber"]


@dataclass
class Person:
    uid: str
    name: str
    mail: str
    department: str


class DirectoryClient:
    def __init__(self, url: str, bind_dn: str, password: str, base_dn: str) -> None:
        self.base_dn = base_dn
        self._server = Server(url, get_info=ALL, use_ssl=True)
        self._bind_dn = bind_dn
        self._password = password

    def search(self, subtree: str, ldap_filter: str, limit: int = 200) -> list[Person]:
        with Connection(self._server, self._bind_dn, self._password, auto_bind=True) as conn:
            conn.search(
                f"{subtree},{self.base_dn}",
                ldap_filter,
                attributes=PERSON_ATTRIBUTES,
                size_limit=limit,
            )
            return [
                Person(
                    uid=str(entry.uid),
                    name=str(entry.cn),
                    mail=str(entry.mail),
                    department=str(entry.department),
                )
                for entry in conn.entries
            ]
