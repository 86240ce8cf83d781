from fastapi import FastAPI, Request
import ldap
from ldap.filter import escape_filter_chars

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = "%s" % value
    conn = ldap.initialize("ldap://ldap")
    conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + escape_filter_chars(data) + ")")
    return {'ok': True}
