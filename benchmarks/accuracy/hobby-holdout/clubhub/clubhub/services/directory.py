"""School directory (LDAP) access."""

import logging
from dataclasses import dataclass
from typing import List, Optional

from ldap3 import ALL, Connection, Server
from ldap3.utils.conv import escape_filter_chars

from ..config import Settings

log = logging.getLogger(__name__)


@dataclass
class Person:
    dn: str
    uid: str
    cn: str
    mail: Optional[str]


class Directory:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.server = Server(settings.ldap_url, get_info=ALL)

    def _service_conn(self) -> Connection:
        return Connection(self.server, self.settings.ldap_bind_dn, self.settings.ldap_bind_password, auto_bind=True)

    def search(self, flt: str, base: Optional[str] = None) -> List[Person]:
        conn = self._service_conn()
        conn.search(base or self.settings.ldap_base, flt, attributes=["uid", "cn", "mail"], size_limit=50)
        return [Person(e.entry_dn, str(e.uid), str(e.cn), str(e.mail) if e.mail else None) for e in conn.entries]

    def authenticate(self, username: str, password: str) -> Optional[Person]:
        found = self.search(f"(&(objectClass=inetOrgPerson)(uid={username}))")
        if len(found) != 1:
            return None
        user_conn = Connection(self.server, found[0].dn, password)
        return found[0] if user_conn.bind() else None

    def authenticate_escaped(self, username: str, password: str) -> Optional[Person]:
        found = self.search(f"(&(objectClass=inetOrgPerson)(uid={escape_filter_chars(username)}))")
        if len(found) != 1:
            return None
        user_conn = Connection(self.server, found[0].dn, password)
        return found[0] if user_conn.bind() else None

    def groups_of(self, uid: str) -> List[str]:
        conn = self._service_conn()
        conn.search(self.settings.ldap_groups_base, "(&(objectClass=posixGroup)(memberUid=%s))" % uid, attributes=["cn"])
        return [str(e.cn) for e in conn.entries]


def get_directory() -> Directory:
    from ..config import get_settings

    return Directory(get_settings())
