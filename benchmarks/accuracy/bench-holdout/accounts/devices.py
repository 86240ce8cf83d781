import hashlib

from flask import jsonify, request, session
from werkzeug.security import generate_password_hash

from .app import app
from .store import UserStore


@app.route("/devices/app-password", methods=["POST"])
def create_app_password():
    secret = request.form["app_password"]
    record = {"user": session["username"], "label": request.form.get("label", "device")}
    record["secret"] = hashlib.new("sha1", secret.encode()).hexdigest()
    UserStore().save_hash(record["user"] + ":" + record["label"], record["secret"])
    return jsonify({"label": record["label"]})


@app.route("/devices/pin", methods=["POST"])
def set_device_pin():
    secret = request.form["pin"]
    record = {"user": session["username"], "label": request.form.get("label", "device")}
    record["secret"] = generate_password_hash(secret)
    UserStore().save_hash(record["user"] + ":" + record["label"], record["secret"])
    return jsonify({"label": record["label"]})


@app.route("/devices/backup-password", methods=["POST"])
def set_backup_password():
    secret = request.form["backup_password"]
    UserStore().save_hash(session["username"] + ":backup", hashlib.sha256(secret.encode()).hexdigest())
    return jsonify({"ok": True})


@app.route("/devices/backup", methods=["POST"])
def upload_device_backup():
    blob = request.files["backup"].read()
    checksum = hashlib.new("sha256", blob).hexdigest()
    return jsonify({"size": len(blob), "checksum": checksum})
