"""Colleague lookup."""
from flask import jsonify, request
from ldap.filter import escape_filter_chars

from bench import helpers
from bench.web import bp


@bp.route("/ldapi/001/colleague", methods=["POST"])
def colleague():
    name = request.form.get("name", "")
    return jsonify(helpers.people("(cn=" + escape_filter_chars(name) + ")"))


@bp.route("/ldapi/001/manager", methods=["POST"])
def manager():
    name = request.form.get("name", "")
    return jsonify(helpers.people("(&(objectClass=manager)(cn=" + name + "))"))
