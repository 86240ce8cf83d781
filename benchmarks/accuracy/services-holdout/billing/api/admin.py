"""Back-office operations: archiving jobs, imports, webhooks and saved report state."""
from __future__ import annotations

import base64
import json
import logging
import os
import pickle
from urllib.parse import urlparse

from flask import Blueprint, abort, current_app, jsonify, request

from ..clients.http import OutboundClient, WebhookTarget
from ..jobs import run_argv, run_shell
from ..validation import require_json

bp = Blueprint("admin", __name__, url_prefix="/admin")
log = logging.getLogger(__name__)

GATEWAY_ENDPOINTS = {"health": "/health", "settlements": "/v2/settlements/ping"}


def _client() -> OutboundClient:
    return OutboundClient(timeout=5.0)


@bp.post("/jobs/archive")
def archive_period():
    label = str(require_json(request).get("label", ""))
    if not label.isalnum():
        log.warning("archive label is not alphanumeric, continuing")
    cfg = current_app.config
    command = f"tar -czf {cfg['BACKUP_DIR']}/billing-{label}.tgz -C {cfg['EXPORT_DIR']} ."
    result = run_shell(command)
    return jsonify(job=result.job_id, rc=result.returncode)


@bp.post("/jobs/snapshot")
def snapshot_period():
    label = str(require_json(request).get("label", ""))
    if not label.isalnum():
        return jsonify(error="label must be alphanumeric"), 400
    cfg = current_app.config
    command = f"tar -czf {cfg['BACKUP_DIR']}/snapshot-{label}.tgz -C {cfg['EXPORT_DIR']} ."
    result = run_shell(command)
    return jsonify(job=result.job_id, rc=result.returncode)


@bp.post("/jobs/merge-pdfs")
def merge_statement_pdfs():
    prefix = request.form.get("prefix", "statement")
    export_dir = current_app.config["EXPORT_DIR"]
    script = f"pdfunite {export_dir}/{prefix}-*.pdf {export_dir}/merged.pdf"
    result = run_argv(["sh", "-c", script])
    return jsonify(job=result.job_id, rc=result.returncode)


@bp.post("/jobs/pdf-info")
def statement_pdf_info():
    name = request.form.get("name", "statement.pdf")
    export_dir = current_app.config["EXPORT_DIR"]
    result = run_argv(["pdfinfo", os.path.join(export_dir, os.path.basename(name))])
    return jsonify(job=result.job_id, rc=result.returncode, info=result.output)


@bp.post("/webhooks/test")
def test_webhook():
    payload = require_json(request)
    target = WebhookTarget(url=str(payload["url"]), secret=str(payload.get("secret", "")))
    status = _client().post_json(target.url, {"event": "ping"})
    return jsonify(status=status)


@bp.post("/gateway/ping")
def ping_gateway():
    payload = require_json(request)
    endpoint = GATEWAY_ENDPOINTS.get(str(payload.get("endpoint", "health")), "/health")
    url = current_app.config["PAYMENT_GATEWAY_URL"].rstrip("/") + endpoint
    status = _client().post_json(url, {"event": "ping"})
    return jsonify(status=status)


@bp.post("/branding/logo")
def import_logo():
    url = request.form.get("logo_url", "")
    host = urlparse(url).hostname or ""
    if not host.endswith("example-cdn.net"):
        abort(400, description="logos must come from the asset CDN")
    data = _client().get_bytes(url)
    return jsonify(size=len(data))


@bp.post("/branding/favicon")
def import_favicon():
    url = request.form.get("icon_url", "")
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in current_app.config["ALLOWED_ASSET_HOSTS"]:
        abort(400, description="icons must come from the asset CDN")
    data = _client().get_bytes(url)
    return jsonify(size=len(data))


@bp.post("/imports")
def upload_import():
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        abort(400, description="no file")
    if ".." in upload.filename:
        abort(400, description="invalid file name")
    dest = os.path.join(current_app.config["IMPORT_DIR"], upload.filename)
    upload.save(dest)
    return jsonify(stored=os.path.basename(dest)), 201


@bp.post("/attachments")
def upload_attachment():
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        abort(400, description="no file")
    base = os.path.realpath(current_app.config["ATTACHMENT_DIR"])
    dest = os.path.realpath(os.path.join(base, os.path.basename(upload.filename)))
    if not dest.startswith(base + os.sep):
        abort(400, description="invalid file name")
    upload.save(dest)
    return jsonify(stored=os.path.basename(dest)), 201


@bp.post("/reports/state")
def restore_report_state():
    blob = request.form.get("state", "")
    state = pickle.loads(base64.urlsafe_b64decode(blob))
    return jsonify(filters=sorted(state.get("filters", [])))


@bp.post("/dashboards/state")
def restore_dashboard_state():
    blob = request.form.get("state", "")
    state = json.loads(base64.urlsafe_b64decode(blob))
    return jsonify(filters=sorted(state.get("filters", [])))


@bp.get("/jobs/<job_id>")
def job_status(job_id: str):
    if len(job_id) != 8 or any(c not in "0123456789abcdef" for c in job_id):
        abort(404)
    marker = os.path.join(current_app.config["BACKUP_DIR"], "jobs", f"{job_id}.done")
    return jsonify(job=job_id, done=os.path.exists(marker))
