import ldap
from ldap.filter import escape_filter_chars


def find(request):
    uid = request.GET["uid"]
    conn = ldap.initialize("ldap://ldap")
    # ruleid: secsdlc.python.injection.ldap-injection
    conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + uid + ")")
    # ruleid: secsdlc.python.injection.ldap-injection
    ldap3_conn.search("dc=example,dc=com", f"(cn={uid})")
    # ok: secsdlc.python.injection.ldap-injection
    conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + escape_filter_chars(uid) + ")")
    # ok: secsdlc.python.injection.ldap-injection
    conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=admin)", [uid])
