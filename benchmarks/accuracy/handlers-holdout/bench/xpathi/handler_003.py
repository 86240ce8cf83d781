"""Role checks for the admin console."""
from flask import request

from bench import helpers
from bench.web import bp


@bp.route("/xpathi/003/is-admin")
def is_admin():
    login = request.values.get("login", "").replace("'", "")
    found = helpers.staff_lookup("//user[@name='" + login + "' and @role='admin']")
    return {"admin": bool(found)}


@bp.route("/xpathi/003/is-clerk")
def is_clerk():
    login = request.values.get("login", "").replace('"', "")
    found = helpers.staff_lookup("//user[@name='" + login + "' and @role='clerk']")
    return {"clerk": bool(found)}
