from flask import render_template_string, request

from .app import app
from .data import monthly_totals


@app.route("/customers/summary")
def customer_summary():
    customer = request.args.get("customer", "all customers")
    tpl = "<h1>Report for " + customer + "</h1><p>{{ rows|length }} months</p>"
    return render_template_string(tpl, rows=monthly_totals(2026))


@app.route("/customers/overview")
def customer_overview():
    customer = request.args.get("customer", "all customers")
    tpl = "<h1>Report for {{ customer }}</h1><p>{{ rows|length }} months</p>"
    return render_template_string(tpl, customer=customer, rows=monthly_totals(2026))
