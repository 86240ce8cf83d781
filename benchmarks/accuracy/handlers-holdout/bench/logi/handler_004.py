"""Client diagnostics."""
import logging

from flask import request

from bench.web import bp

log = logging.getLogger("bench.clients")


@bp.route("/logi/004/hello")
def hello():
    seen = {"agent": request.headers.get("User-Agent", ""), "build": "2024.06"}
    log.info("client build %s connected", seen["build"])
    return {"ok": True}


@bp.route("/logi/004/signoff")
def signoff():
    seen = {"agent": request.headers.get("User-Agent", ""), "build": "2024.06"}
    log.info("client %s disconnected", seen["agent"])
    return {"ok": True}
