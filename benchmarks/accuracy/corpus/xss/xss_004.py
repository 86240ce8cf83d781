from flask import Flask, request, make_response
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    data = " ".join([value])
    resp = make_response("<p>Hello " + data + "</p>")
    return 'ok'
