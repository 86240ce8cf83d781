"""Department rosters."""
import html
import re

from flask import abort, jsonify, request

from bench import helpers
from bench.web import bp

DEPARTMENT = re.compile(r"[A-Za-z ]{2,40}")


@bp.route("/ldapi/003/roster")
def roster():
    department = html.escape(request.args.get("dept", ""))
    return jsonify(helpers.people(f"(&(objectClass=person)(ou={department}))"))


@bp.route("/ldapi/003/headcount")
def headcount():
    department = request.args.get("dept", "")
    if not DEPARTMENT.fullmatch(department):
        abort(400)
    return jsonify(len(helpers.people(f"(&(objectClass=person)(ou={department}))")))
