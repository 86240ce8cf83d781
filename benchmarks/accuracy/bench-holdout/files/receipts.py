import os

from flask import Response, request

from .app import app
from .storage import BASE_DIR, read_bytes


@app.route("/receipts/raw")
def receipt_raw():
    name = request.args.get("name", "")
    name = name.replace("../", "")
    data = read_bytes(os.path.join(BASE_DIR, "receipts", name))
    return Response(data, mimetype="application/pdf")


@app.route("/receipts/print")
def receipt_print():
    name = os.path.basename(request.args.get("name", ""))
    data = read_bytes(os.path.join(BASE_DIR, "receipts", name))
    return Response(data, mimetype="application/pdf")
