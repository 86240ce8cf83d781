"""Leaderboards."""
import logging

from flask import abort, jsonify, request

from bench import helpers
from bench.web import bp

log = logging.getLogger(__name__)


@bp.route("/sqli/007/leaders")
def leaders():
    direction = request.values.get("dir", "DESC").upper()
    if direction not in ("ASC", "DESC"):
        abort(400)
    return jsonify(helpers.query("SELECT player, score FROM scores ORDER BY score " + direction + " LIMIT 10"))


@bp.route("/sqli/007/laggards")
def laggards():
    direction = request.values.get("dir", "ASC").upper()
    if direction not in ("ASC", "DESC"):
        log.warning("unexpected sort direction %r", direction)
    return jsonify(helpers.query("SELECT player, score FROM scores ORDER BY score " + direction + " LIMIT 10"))
