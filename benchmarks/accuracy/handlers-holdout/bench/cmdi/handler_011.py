"""Service control for the operations console."""
import os

from flask import request

from bench.web import bp

SERVICES = ("nginx", "redis", "worker")


@bp.route("/cmdi/011/restart", methods=["POST"])
def restart_service():
    service = request.form.get("service", "")
    delay = request.form.get("delay", "0")
    if not delay.isdigit():
        return {"error": "delay must be a number"}, 400
    code = os.system("sleep %s && systemctl restart %s" % (delay, service))
    return {"exit": code}


@bp.route("/cmdi/011/reload", methods=["POST"])
def reload_service():
    service = request.form.get("service", "")
    delay = request.form.get("delay", "0")
    if not delay.isdigit() or service not in SERVICES:
        return {"error": "unknown service"}, 400
    code = os.system("sleep %s && systemctl reload %s" % (delay, service))
    return {"exit": code}
