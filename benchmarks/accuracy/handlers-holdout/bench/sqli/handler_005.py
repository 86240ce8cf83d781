"""Invoice lookups."""
import html

from flask import jsonify, request
from markupsafe import escape

from bench import helpers
from bench.web import bp


@bp.route("/sqli/005/invoice")
def invoice():
    invoice_id = escape(request.args.get("id", "0"))
    sql = "SELECT id, amount, due FROM invoices WHERE id = %s" % invoice_id
    return jsonify(helpers.query(sql))


@bp.route("/sqli/005/credit-note")
def credit_note():
    note_id = int(html.escape(request.args.get("id", "0")))
    sql = "SELECT id, amount FROM credit_notes WHERE id = %s" % note_id
    return jsonify(helpers.query(sql))
