"""Account lookup for the support console."""
from flask import jsonify, request
from ldap.filter import filter_format

from bench import helpers
from bench.web import bp


@bp.route("/ldapi/002/account")
def account():
    uid = request.headers.get("X-Account", "")
    return jsonify(helpers.people("(uid=%s)" % uid))


@bp.route("/ldapi/002/mailbox")
def mailbox():
    uid = request.headers.get("X-Account", "")
    return jsonify(helpers.people(filter_format("(uid=%s)", [uid])))
