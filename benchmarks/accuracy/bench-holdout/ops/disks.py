from flask import Blueprint, jsonify, request

from .runner import run

bp = Blueprint("disks", __name__)


@bp.route("/ops/disk/report")
def disk_report():
    mode = "full"
    flags = "--summary" if mode == "fast" else request.args.get("flags", "")
    return jsonify({"output": run(f"du -x {flags} /srv/data")})


@bp.route("/ops/disk/quick")
def disk_quick():
    mode = "fast"
    flags = "--summary" if mode == "fast" else request.args.get("flags", "")
    return jsonify({"output": run(f"du -x {flags} /srv/data")})
