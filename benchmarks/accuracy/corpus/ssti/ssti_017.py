from flask import Flask, request, make_response
from flask import render_template_string
import jinja2

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    data = "{}".format(value).strip()
    html = jinja2.Template("Hi {{ n }}").render(n=data)
    return 'ok'
