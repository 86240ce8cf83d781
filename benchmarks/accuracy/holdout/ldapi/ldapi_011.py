from flask import Flask, request, make_response
import ldap
from ldap.filter import escape_filter_chars

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "{}".format(value).strip()
    conn = ldap.initialize("ldap://ldap")
    conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + escape_filter_chars(data) + ")")
    return 'ok'
