"""ldap3-backed department lookups, registered on the app at start-up."""
from ldap3 import SUBTREE, Connection

DEPT_BASE = "ou=departments,dc=corp,dc=example"


class DepartmentService:
    def __init__(self, conn: Connection):
        self.conn = conn

    def find(self, flt: str) -> list[str]:
        self.conn.search(DEPT_BASE, flt, search_scope=SUBTREE, attributes=["cn", "manager"])
        return [str(e.cn) for e in self.conn.entries]
