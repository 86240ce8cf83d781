import os
import subprocess

from flask import Blueprint, jsonify, request

bp = Blueprint("backups", __name__)


@bp.route("/ops/backup", methods=["POST"])
def create_backup():
    label = request.form.get("label", "nightly")
    status = os.system("tar czf /backups/%s.tgz /srv/data" % label)
    return jsonify({"status": status})


@bp.route("/ops/backup/config", methods=["POST"])
def backup_config():
    label = request.form.get("label", "nightly")
    proc = subprocess.run(["tar", "czf", f"/backups/config-{label}.tgz", "/etc/app"], check=False)
    return jsonify({"status": proc.returncode})
