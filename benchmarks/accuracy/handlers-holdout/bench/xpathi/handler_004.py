"""Team member counts."""
from flask import request

from bench import helpers
from bench.web import bp

DEPTH = 4


@bp.route("/xpathi/004/members", methods=["POST"])
def members():
    role = (request.get_json(silent=True) or {}).get("role", "clerk")
    chosen = "clerk" if DEPTH % 2 else role
    return {"count": len(helpers.staff_lookup("//user[@role='" + chosen + "']"))}


@bp.route("/xpathi/004/seats", methods=["POST"])
def seats():
    role = (request.get_json(silent=True) or {}).get("role", "clerk")
    chosen = role if DEPTH % 2 else "admin"
    return {"count": len(helpers.staff_lookup("//user[@role='" + chosen + "']"))}
