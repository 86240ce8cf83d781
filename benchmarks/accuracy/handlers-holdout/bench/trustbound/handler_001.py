"""Workspace role switching."""
from flask import abort, request, session

from bench.web import bp

VIEWER_MODES = ("compact", "comfortable", "print")


@bp.route("/trustbound/001/role", methods=["POST"])
def switch_role():
    role = request.form.get("role", "viewer")
    session["role"] = role
    return {"role": role}


@bp.route("/trustbound/001/mode", methods=["POST"])
def switch_mode():
    mode = request.form.get("mode", "compact")
    if mode not in VIEWER_MODES:
        abort(400)
    session["mode"] = mode
    return {"mode": mode}
