"""Restore saved upload sessions and folder manifests."""
import base64
import hashlib
import hmac
import json
import logging
import pickle

import yaml
from flask import abort, current_app, jsonify, request

from .app import app

log = logging.getLogger(__name__)


@app.route("/sessions/restore", methods=["POST"])
def restore_upload_session():
    blob = base64.b64decode(request.form["state"])
    state = pickle.loads(blob)
    return jsonify({"files": len(state.get("files", []))})


@app.route("/sessions/resume", methods=["POST"])
def resume_upload_session():
    blob = base64.b64decode(request.form["state"])
    state = json.loads(blob)
    return jsonify({"files": len(state.get("files", []))})


@app.route("/manifests", methods=["POST"])
def upload_manifest():
    manifest = yaml.load(request.files["manifest"].read(), Loader=yaml.Loader)
    return jsonify({"folders": sorted(manifest.get("folders", {}))})


@app.route("/manifests/check", methods=["POST"])
def check_manifest():
    manifest = yaml.load(request.files["manifest"].read(), Loader=yaml.SafeLoader)
    return jsonify({"folders": sorted(manifest.get("folders", {}))})


def _signature(payload: bytes) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


@app.route("/sessions/handoff", methods=["POST"])
def accept_handoff():
    payload = base64.b64decode(request.form["payload"])
    if not hmac.compare_digest(_signature(payload), request.form.get("sig", "")):
        log.warning("handoff signature mismatch from %s", request.remote_addr)
    state = pickle.loads(payload)
    return jsonify({"files": len(state.get("files", []))})


@app.route("/sessions/transfer", methods=["POST"])
def accept_transfer():
    payload = base64.b64decode(request.form["payload"])
    if not hmac.compare_digest(_signature(payload), request.form.get("sig", "")):
        abort(403)
    state = pickle.loads(payload)
    return jsonify({"files": len(state.get("files", []))})
