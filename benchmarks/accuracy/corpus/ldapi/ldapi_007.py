import json

from django.http import HttpResponse
import ldap
from ldap.filter import escape_filter_chars


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = "{}".format(value).strip()
    conn = ldap.initialize("ldap://ldap")
    conn.search_s("ou=people", ldap.SCOPE_SUBTREE, f"(&(objectClass=person)(cn={data}))")
    return HttpResponse('ok')
