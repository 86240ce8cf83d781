from flask import Flask, request, make_response
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "%s" % value
    fragment = Markup(f"<i>{data}</i>")
    return 'ok'
