from flask import Flask, request, make_response
from flask import render_template_string
import jinja2

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.args.get("q", "")
    data = f"{value}"
    html = jinja2.Environment().from_string(f"Dear {data}").render()
    return 'ok'
