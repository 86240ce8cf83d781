"""Printable receipts."""
import io

from flask import Response
from markupsafe import escape

from bench.helpers import RequestReader
from bench.web import bp


@bp.route("/xss/012/receipt")
def receipt():
    reader = RequestReader()
    out = io.StringIO()
    out.write("<h2>Receipt</h2>")
    out.write("<p>Customer: %s</p>" % escape(reader.value("customer")))
    out.write("<p>Thank you for your order.</p>")
    return Response(out.getvalue(), mimetype="text/html")


@bp.route("/xss/012/packing-slip")
def packing_slip():
    reader = RequestReader()
    out = io.StringIO()
    out.write("<h2>Packing slip</h2>")
    out.write("<p>Deliver to: %s</p>" % reader.value("customer"))
    out.write("<p>Handle with care.</p>")
    return Response(out.getvalue(), mimetype="text/html")
