"""Phone book searches."""
from flask import jsonify, request

from bench import helpers
from bench.web import bp

FIELDS = "tmn"


@bp.route("/ldapi/004/phonebook")
def phonebook():
    last = request.cookies.get("last_search", "")
    key = FIELDS[2]
    if key == "t":
        term = last
    elif key == "m":
        term = "*@example.com"
    else:
        term = "*"
    return jsonify(helpers.people("(telephoneNumber=" + term + ")"))


@bp.route("/ldapi/004/extensions")
def extensions():
    last = request.cookies.get("last_search", "")
    key = FIELDS[0]
    if key == "t":
        term = last
    elif key == "m":
        term = "*@example.com"
    else:
        term = "*"
    return jsonify(helpers.people("(telephoneNumber=" + term + ")"))
