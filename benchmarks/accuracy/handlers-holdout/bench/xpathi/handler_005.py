"""Directory search presets."""
from flask import request

from bench import helpers
from bench.web import bp


def _criteria() -> dict[str, str]:
    return {"role": "admin", "name": request.headers.get("X-Staff-Name", "")}


@bp.route("/xpathi/005/admins")
def admins():
    criteria = _criteria()
    expr = "//user[@role='{}']/@name".format(criteria.get("role"))
    return {"names": [str(n) for n in helpers.staff_lookup(expr)]}


@bp.route("/xpathi/005/named")
def named():
    criteria = _criteria()
    expr = "//user[@name='{}']/@role".format(criteria.get("name"))
    return {"roles": [str(n) for n in helpers.staff_lookup(expr)]}
