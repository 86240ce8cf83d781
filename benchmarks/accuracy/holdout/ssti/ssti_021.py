from flask import Flask, request, make_response
from flask import render_template_string
import jinja2

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    data = "%s" % value
    html = jinja2.Environment(autoescape=True).from_string("Dear {{ n }}").render(n=data)
    return 'ok'
