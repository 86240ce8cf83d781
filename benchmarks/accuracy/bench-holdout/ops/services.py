import os

from flask import Blueprint, abort, jsonify, request

bp = Blueprint("services", __name__)
SERVICES = {"web": "nginx.service", "api": "gunicorn-api.service", "jobs": "celery.service"}


@bp.route("/ops/status")
def service_status():
    unit = SERVICES.get(request.args.get("service", ""))
    if unit is None:
        abort(404)
    with os.popen(f"systemctl status --no-pager {unit}") as pipe:
        return jsonify({"output": pipe.read()})


@bp.route("/ops/journal")
def service_journal():
    if "unit" not in request.args:
        abort(400)
    unit = request.args["unit"]
    with os.popen(f"journalctl -u {unit} -n 50 --no-pager") as pipe:
        return jsonify({"output": pipe.read()})
