from flask import Flask, request, make_response
import ldap
from ldap.filter import escape_filter_chars

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    data = value.lower() if value else value
    conn = ldap.initialize("ldap://ldap")
    conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + data + ")")
    return 'ok'
