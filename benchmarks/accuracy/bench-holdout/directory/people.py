import logging
import re
from html import escape

from flask import Blueprint, current_app, jsonify, request
from ldap.filter import filter_format
from ldap3.utils.conv import escape_filter_chars

from .ldapclient import Directory

bp = Blueprint("people", __name__)
log = logging.getLogger(__name__)


@bp.route("/people/<uid>")
def person(uid):
    return jsonify(Directory().search("(uid=%s)" % uid))


@bp.route("/people/by-login/<login>")
def person_by_login(login):
    return jsonify(Directory().search(filter_format("(uid=%s)", [login])))


@bp.route("/departments")
def departments():
    name = escape(request.args.get("name", ""))
    service = current_app.extensions["departments"]
    return jsonify(service.find("(&(objectClass=organizationalUnit)(cn={}))".format(name)))


@bp.route("/departments/managers")
def department_managers():
    name = escape_filter_chars(request.args.get("name", ""))
    service = current_app.extensions["departments"]
    return jsonify(service.find("(&(objectClass=organizationalUnit)(cn={}))".format(name)))


@bp.route("/people/search")
def people_search():
    term = request.args.get("q", "")
    clauses = ["(objectClass=person)"]
    alternatives = []
    for attr in ("cn", "sn", "mail"):
        alternatives.append(f"({attr}={term}*)")
    clauses.append("(|" + "".join(alternatives) + ")")
    return jsonify(Directory().search("(&" + "".join(clauses) + ")"))


@bp.route("/people/lookup")
def people_lookup():
    term = request.args.get("q", "")
    if not re.fullmatch(r"[A-Za-z' .-]{2,40}", term):
        return jsonify({"error": "invalid name"}), 400
    clauses = ["(objectClass=person)"]
    alternatives = []
    for attr in ("cn", "sn", "mail"):
        alternatives.append(f"({attr}={term}*)")
    clauses.append("(|" + "".join(alternatives) + ")")
    return jsonify(Directory().search("(&" + "".join(clauses) + ")"))


@bp.route("/people/phone")
def phone_of():
    uid = request.args.get("uid", "")
    if "*" in uid:
        log.warning("wildcard phone lookup attempted")
    return jsonify(Directory().search(f"(uid={uid})", ["telephoneNumber"]))


@bp.route("/people/title")
def title_of():
    uid = request.args.get("uid", "")
    if not uid.isalnum():
        return jsonify({"error": "invalid uid"}), 400
    return jsonify(Directory().search(f"(uid={uid})", ["title"]))
