from flask import request

from .app import app
from .data import monthly_totals
from .rendering import LAYOUTS, ReportRenderer


@app.route("/layouts/render", methods=["POST"])
def render_saved_layout():
    payload = request.get_json(force=True)
    renderer = ReportRenderer(payload.get("layout", LAYOUTS["default"]))
    return renderer.render(title=payload.get("title", "Report"), rows=monthly_totals(2026))


@app.route("/layouts/named", methods=["POST"])
def render_named_layout():
    payload = request.get_json(force=True)
    renderer = ReportRenderer(LAYOUTS.get(payload.get("layout"), LAYOUTS["default"]))
    return renderer.render(title=payload.get("title", "Report"), rows=monthly_totals(2026))
