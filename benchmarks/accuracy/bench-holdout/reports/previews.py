from flask import render_template_string, request

from .app import app
from .data import monthly_totals

HEADER_TPL = "<header><h1>{{ title }}</h1><small>{{ rows|length }} months</small></header>"


@app.route("/preview/custom", methods=["POST"])
def preview_custom_layout():
    body = request.form.get("template", "")
    return render_template_string(body, rows=monthly_totals(2026))


@app.route("/preview/header", methods=["POST"])
def preview_header():
    title = request.form.get("title", "Monthly report")
    return render_template_string(HEADER_TPL, title=title, rows=monthly_totals(2026))
