"""LDAP access for the directory endpoints."""
import ldap

LDAP_URI = "ldaps://ldap.corp.example"
BASE_DN = "ou=people,dc=corp,dc=example"
ATTRS = ["cn", "mail", "title", "telephoneNumber"]


class Directory:
    def __init__(self, uri: str = LDAP_URI):
        self.conn = ldap.initialize(uri)
        self.conn.simple_bind_s()

    def search(self, flt: str, attrs: list[str] = ATTRS) -> list[dict]:
        results = self.conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt, attrs)
        return [{k: [v.decode() for v in vals] for k, vals in entry.items()} for _, entry in results]
