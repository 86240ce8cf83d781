from flask import Flask, request, make_response
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    data = "%s" % value
    resp = make_response("<p>Hello " + html.escape(data) + "</p>")
    return 'ok'
