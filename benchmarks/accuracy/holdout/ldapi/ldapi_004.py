from fastapi import FastAPI, Request
import ldap
from ldap.filter import escape_filter_chars

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    data = f"{value}"
    conn = ldap.initialize("ldap://ldap")
    conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + data + ")")
    return {'ok': True}
