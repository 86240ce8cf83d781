"""Mail routing checks."""
from flask import jsonify, request

from bench import helpers
from bench.web import bp


@bp.route("/ldapi/005/route", methods=["POST"])
def mail_route():
    mail = (request.get_json(silent=True) or {}).get("mail", "")
    clauses = ["(objectClass=person)", "(mail=%s)" % mail]
    return jsonify(helpers.people("(&" + "".join(clauses) + ")"))


@bp.route("/ldapi/005/recipients", methods=["POST"])
def recipients():
    mail = (request.get_json(silent=True) or {}).get("mail", "")
    clauses = ["(objectClass=person)", "(mail=%s)" % mail]
    return jsonify(helpers.people("(&" + "".join(clauses[:1]) + "(mailEnabled=TRUE))"))
