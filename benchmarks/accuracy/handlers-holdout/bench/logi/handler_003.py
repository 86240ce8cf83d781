"""Preference changes."""
import logging

from flask import request

from bench.web import bp

log = logging.getLogger("bench.prefs")
VERBOSE = False


@bp.route("/logi/003/theme", methods=["POST"])
def change_theme():
    theme = request.cookies.get("theme", "light")
    detail = theme if not VERBOSE else "(hidden)"
    log.info("theme changed to %s", detail)
    return {"ok": True}


@bp.route("/logi/003/density", methods=["POST"])
def change_density():
    density = request.cookies.get("density", "normal")
    detail = density if VERBOSE else "(hidden)"
    log.info("density changed to %s", detail)
    return {"ok": True}
