from flask import request
from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment

from .app import app
from .data import monthly_totals


@app.route("/widgets/render", methods=["POST"])
def render_widget():
    widget = request.form.get("widget", "{{ rows|length }}")
    env = Environment(autoescape=True)
    return env.from_string(widget).render(rows=monthly_totals(2026))


@app.route("/widgets/try", methods=["POST"])
def try_widget():
    widget = request.form.get("widget", "{{ rows|length }}")
    env = SandboxedEnvironment(autoescape=True)
    return env.from_string(widget).render(rows=monthly_totals(2026))
