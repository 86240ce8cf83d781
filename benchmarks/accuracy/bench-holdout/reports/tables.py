import io

from flask import make_response, request

from .app import app
from .data import monthly_totals

COLUMN_LABELS = {"revenue": "Revenue", "cost": "Cost", "orders": "Orders"}


@app.route("/table")
def monthly_table():
    cols = request.args.getlist("col") or ["revenue"]
    buf = io.StringIO()
    buf.write("<table><tr><th>Month</th>")
    for col in cols:
        buf.write(f"<th>{col}</th>")
    buf.write("</tr></table>")
    resp = make_response(buf.getvalue())
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp


@app.route("/table/labelled")
def labelled_table():
    cols = request.args.getlist("col") or ["revenue"]
    buf = io.StringIO()
    buf.write("<table><tr><th>Month</th>")
    for col in cols:
        if col in COLUMN_LABELS:
            buf.write(f"<th>{COLUMN_LABELS[col]}</th>")
    buf.write("</tr></table>")
    resp = make_response(buf.getvalue())
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp
