"""LDAP directory access for logins and the people pages."""
import ldap

from . import config

PERSON_ATTRS = ["uid", "cn", "mail", "telephoneNumber", "memberOf"]


class Directory:
    def __init__(self, url: str = config.LDAP_URL, base: str = config.LDAP_BASE):
        self.url = url
        self.base = base

    def _conn(self):
        conn = ldap.initialize(self.url)
        conn.set_option(ldap.OPT_REFERRALS, 0)
        conn.simple_bind_s(config.LDAP_BIND_DN, config.LDAP_BIND_PASSWORD)
        return conn

    def find(self, filterstr: str, attrs=PERSON_ATTRS) -> list:
        conn = self._conn()
        try:
            results = conn.search_s(self.base, ldap.SCOPE_SUBTREE, filterstr, attrs)
        finally:
            conn.unbind_s()
        return [
            {k: [v.decode() for v in vals] for k, vals in entry.items()}
            for dn, entry in results if dn
        ]

    def authenticate(self, filterstr: str, password: str):
        conn = self._conn()
        try:
            results = conn.search_s(self.base, ldap.SCOPE_SUBTREE, filterstr, ["uid"])
            entries = [(dn, e) for dn, e in results if dn]
            if len(entries) != 1 or not password:
                return None
            dn, entry = entries[0]
            user_conn = ldap.initialize(self.url)
            try:
                user_conn.simple_bind_s(dn, password)
            except ldap.INVALID_CREDENTIALS:
                return None
            finally:
                user_conn.unbind_s()
            return entry["uid"][0].decode()
        finally:
            conn.unbind_s()


directory = Directory()
