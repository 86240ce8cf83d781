"""Area calculations."""
import re

from flask import abort, request

from bench.web import bp

NUMBER = re.compile(r"\d+(\.\d+)?")


@bp.route("/codeinj/002/area", methods=["POST"])
def area():
    width = request.form.get("w", "0")
    height = request.form.get("h", "0")
    if not (NUMBER.match(width) and NUMBER.match(height)):
        abort(400)
    return {"area": eval(width + " * " + height)}


@bp.route("/codeinj/002/perimeter", methods=["POST"])
def perimeter():
    width = request.form.get("w", "0")
    height = request.form.get("h", "0")
    if not (NUMBER.fullmatch(width) and NUMBER.fullmatch(height)):
        abort(400)
    return {"perimeter": eval("2 * (" + width + " + " + height + ")")}
