from flask import Flask, request, make_response
from flask import render_template_string
import jinja2

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    html = render_template_string("<h1>Hello {{ name }}</h1>", name=value)
    return 'ok'
