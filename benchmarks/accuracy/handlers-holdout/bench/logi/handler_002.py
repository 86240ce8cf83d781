"""Search analytics."""
import logging

from flask import request

from bench import helpers
from bench.web import bp

log = logging.getLogger("bench.search")


@bp.route("/logi/002/search")
def search():
    term = helpers.one_line(request.args.get("q", ""))
    log.info("search term: " + term)
    return {"results": []}


@bp.route("/logi/002/suggest")
def suggest():
    term = request.args.get("q", "").strip()
    log.info("suggest term: " + term)
    return {"suggestions": []}
