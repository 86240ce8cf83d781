from flask import Flask, request, make_response
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "fixed"
    other = value
    resp = HttpResponse(f"<div>{data}</div>")
    return 'ok'
