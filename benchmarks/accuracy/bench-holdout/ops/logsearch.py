import re

from flask import Blueprint, abort, jsonify, request

bp = Blueprint("logsearch", __name__)
LOG_FILE = "/var/log/app/app.log"


def _lines(limit: int = 5000) -> list[str]:
    with open(LOG_FILE, encoding="utf-8", errors="replace") as fh:
        return fh.readlines()[-limit:]


@bp.route("/ops/logs/grep")
def grep_logs():
    pattern = request.args.get("pattern", "ERROR")
    return jsonify([line for line in _lines() if re.search(pattern, line)])


@bp.route("/ops/logs/find")
def find_in_logs():
    needle = request.args.get("text", "ERROR")
    return jsonify([line for line in _lines() if re.search(re.escape(needle), line)])


@bp.route("/ops/logs/by-logger")
def logs_by_logger():
    prefix = request.args.get("logger", "app")
    matcher = re.compile(f"^{prefix}.*")
    return jsonify([line for line in _lines() if matcher.match(line)])


@bp.route("/ops/logs/by-module")
def logs_by_module():
    prefix = request.args.get("module", "app")
    if not re.fullmatch(r"[\w-]{1,32}", prefix):
        abort(400)
    matcher = re.compile(f"^{prefix}.*")
    return jsonify([line for line in _lines() if matcher.match(line)])
