from fastapi import FastAPI, Request
import ldap
from ldap.filter import escape_filter_chars

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = f"{value}"
    conn = ldap.initialize("ldap://ldap")
    conn.search_s("ou=people", ldap.SCOPE_SUBTREE, "(uid=admin)", [data])
    return {'ok': True}
