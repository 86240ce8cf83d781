from flask import render_template_string, request

from .app import app
from .data import monthly_totals


def _parts() -> dict:
    return {
        "title": request.args.get("title", ""),
        "body": "<p>{{ rows|length }} months reported</p>",
    }


@app.route("/banner/full")
def full_banner():
    parts = _parts()
    return render_template_string(parts["title"] + parts["body"], rows=monthly_totals(2026))


@app.route("/banner/short")
def short_banner():
    parts = _parts()
    return render_template_string(parts["body"], rows=monthly_totals(2026))
