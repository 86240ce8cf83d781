"""Greeting banners."""
from flask import request
from markupsafe import escape

from bench.web import bp


@bp.route("/xss/001/welcome")
def welcome():
    name = request.args.get("name", "guest")
    return "<p>Welcome back, " + str(escape(name)) + "!</p>"


@bp.route("/xss/001/farewell")
def farewell():
    name = request.args.get("name", "guest")
    return "<p>See you soon, " + name + "!</p>"
