import json

from django.http import HttpResponse
import ldap
from ldap.filter import escape_filter_chars


def handler(request):
    value = request.POST["q"]
    data = f"{value}"
    conn = ldap.initialize("ldap://ldap")
    conn.search_s("ou=people", ldap.SCOPE_SUBTREE, "(uid=admin)", [data])
    return HttpResponse('ok')
