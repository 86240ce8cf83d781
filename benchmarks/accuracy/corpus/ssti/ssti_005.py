from flask import Flask, request, make_response
from flask import render_template_string
import jinja2

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    store = {}
    store["k"] = value
    data = store["k"]
    html = jinja2.Template(data).render()
    return 'ok'
