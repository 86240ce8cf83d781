"""Sign-in attempts."""
import logging

from flask import request

from bench.web import bp

audit = logging.getLogger("bench.audit")


@bp.route("/logi/001/signin", methods=["POST"])
def signin():
    username = request.form.get("username", "")
    audit.warning("sign-in refused for %s", username)
    return {"ok": False}, 401


@bp.route("/logi/001/reset", methods=["POST"])
def password_reset():
    username = request.form.get("username", "")
    audit.warning("password reset requested for %r", username)
    return {"ok": True}, 202
