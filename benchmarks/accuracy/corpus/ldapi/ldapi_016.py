from flask import Flask, request, make_response
import ldap
from ldap.filter import escape_filter_chars

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "fixed"
    other = value
    conn = ldap.initialize("ldap://ldap")
    conn.search_s("ou=people", ldap.SCOPE_SUBTREE, f"(&(objectClass=person)(cn={data}))")
    return 'ok'
