from flask import Flask, request, make_response
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.args.get("q", "")
    data = "%s" % value
    fragment = mark_safe("<b>" + data + "</b>")
    return 'ok'
