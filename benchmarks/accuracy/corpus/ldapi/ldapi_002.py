from flask import Flask, request, make_response
import ldap
from ldap.filter import escape_filter_chars

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    store = {}
    store["k"] = value
    data = store["k"]
    conn = ldap.initialize("ldap://ldap")
    conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + data + ")")
    return 'ok'
