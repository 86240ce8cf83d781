"""Tag filters."""
import logging

from flask import request

from bench.web import bp

log = logging.getLogger("bench.tags")
KNOWN_TAGS = ("news", "sport", "weather", "finance")


@bp.route("/logi/006/filter")
def tag_filter():
    tags = [t for t in request.args.getlist("tag") if t in KNOWN_TAGS]
    log.info("filtering by %s", ", ".join(tags))
    return {"tags": tags}


@bp.route("/logi/006/follow")
def tag_follow():
    tags = request.args.getlist("tag")
    log.info("following %s", ", ".join(tags))
    return {"tags": tags}
