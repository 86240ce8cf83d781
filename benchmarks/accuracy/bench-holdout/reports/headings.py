from flask import request

from .app import app


@app.route("/heading/period")
def period_heading():
    pieces = ["Quarterly", request.args.get("period", "Q1")]
    heading = pieces.pop()
    return "<html><body><h1>" + heading + "</h1></body></html>"


@app.route("/heading/kind")
def kind_heading():
    pieces = ["Quarterly", request.args.get("period", "Q1")]
    heading = pieces.pop(0)
    return "<html><body><h1>" + heading + "</h1></body></html>"
