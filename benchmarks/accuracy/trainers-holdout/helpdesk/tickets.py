"""Ticket views."""

from __future__ import annotations

import hashlib
import os

import yaml
from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    make_response,
    render_template,
    render_template_string,
    request,
    send_file,
    send_from_directory,
)
from markupsafe import escape
from werkzeug.utils import secure_filename

from .dao import TicketRepository
from .decorators import login_required, timed
from .services import TicketService
from .wrappers import RequestArgs

bp = Blueprint("tickets", __name__, url_prefix="/tickets")

EXPORT_COLUMNS = ("id", "subject", "status", "priority", "created_at")
RESOLUTION_CODES = ("fixed", "duplicate", "wontfix", "invalid", "answered")
SLA_RULES = {
    "urgent": "ticket['priority'] >= 4",
    "vip": "ticket['requester'].endswith('@board.example')",
    "none": "False",
}
CANNED = {
    "thanks": "Hello {{ ticket.requester }}, thanks for your patience. {{ note }}",
    "more-info": "Hello {{ ticket.requester }}, could you send us more detail? {{ note }}",
}


@bp.get("/")
@login_required
def index():
    return render_template("tickets/index.html", tickets=TicketService().by_status("open"))


@bp.get("/search")
@login_required
@timed
def search():
    words = RequestArgs(request).text("q")
    return jsonify(TicketService().search(words))


@bp.get("/status/<status>")
@login_required
def by_status(status: str):
    return jsonify(TicketService().by_status(status))


@bp.get("/export")
@login_required
def export():
    if "sort" in request.args:
        column = request.args["sort"]
    else:
        column = "id"
    return jsonify(TicketService().export(column))


@bp.get("/export/sorted")
@login_required
def export_sorted():
    column = request.args.get("sort", "id")
    column = column if column in EXPORT_COLUMNS else "id"
    return jsonify(TicketService().export(column))


@bp.post("/<int:ticket_id>/preview")
@login_required
def comment_preview(ticket_id: int):
    comment = request.form.get("comment", "")
    return render_template_string("<div class='comment'>{{ body|safe }}</div>", body=comment)


@bp.post("/<int:ticket_id>/note/preview")
@login_required
def note_preview(ticket_id: int):
    comment = request.form.get("comment", "")
    return render_template_string("<div class='comment'>{{ body }}</div>", body=comment)


@bp.post("/signature")
@login_required
def signature_preview():
    signature = RequestArgs(request).text("signature")
    response = make_response(f"<div class='signature'>{signature}</div>")
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    return response


@bp.post("/signature/card")
@login_required
def signature_card():
    signature = escape(RequestArgs(request).text("signature"))
    response = make_response(f"<div class='signature'>{signature}</div>")
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    return response


@bp.get("/attachments/<path:filename>")
@login_required
def attachment(filename: str):
    path = os.path.join(current_app.config["ATTACHMENT_DIR"], filename)
    return send_file(path, as_attachment=True)


@bp.get("/inline/<path:filename>")
@login_required
def inline_attachment(filename: str):
    return send_from_directory(current_app.config["ATTACHMENT_DIR"], filename, as_attachment=True)


@bp.get("/exports/file")
@login_required
def export_file():
    name = request.args.get("name", "")
    if ".." in name.split("/"):
        abort(400)
    with open(os.path.join(current_app.config["EXPORT_DIR"], name), "rb") as fh:
        data = fh.read()
    return current_app.response_class(data, mimetype="text/csv")


@bp.get("/reports/file")
@login_required
def report_file():
    name = secure_filename(request.args.get("name", ""))
    if not name:
        abort(400)
    with open(os.path.join(current_app.config["EXPORT_DIR"], name), "rb") as fh:
        data = fh.read()
    return current_app.response_class(data, mimetype="text/csv")


@bp.get("/attachments/<int:attachment_id>/etag")
@login_required
def attachment_etag(attachment_id: int):
    content = TicketRepository().attachment(attachment_id)
    if content is None:
        abort(404)
    etag = hashlib.md5(content).hexdigest()
    if request.if_none_match.contains(etag):
        return "", 304
    response = make_response(content)
    response.set_etag(etag)
    return response


@bp.post("/macros/import")
@login_required
def import_macros():
    upload = request.files["macros"]
    macros = yaml.load(upload.read(), Loader=yaml.Loader)
    return jsonify({"imported": len(macros or [])})


@bp.post("/tags/import")
@login_required
def import_tags():
    upload = request.files["tags"]
    tags = yaml.safe_load(upload.read())
    return jsonify({"imported": len(tags or [])})


@bp.post("/<int:ticket_id>/sla")
@login_required
def sla_check(ticket_id: int):
    ticket = TicketRepository().get(ticket_id) or abort(404)
    condition = request.form.get("rule", "False")
    namespace: dict[str, object] = {}
    exec(f"def applies(ticket):\n    return {condition}\n", namespace)
    return jsonify({"breached": bool(namespace["applies"](ticket))})


@bp.post("/<int:ticket_id>/sla/preset")
@login_required
def sla_preset(ticket_id: int):
    ticket = TicketRepository().get(ticket_id) or abort(404)
    condition = SLA_RULES.get(request.form.get("preset", "none"), "False")
    namespace: dict[str, object] = {}
    exec(f"def applies(ticket):\n    return {condition}\n", namespace)
    return jsonify({"breached": bool(namespace["applies"](ticket))})


@bp.post("/<int:ticket_id>/reply/preview")
@login_required
def reply_preview(ticket_id: int):
    ticket = TicketRepository().get(ticket_id) or abort(404)
    body = request.form.get("body", "")
    return render_template_string(body, ticket=ticket, note="")


@bp.post("/<int:ticket_id>/reply/canned")
@login_required
def reply_canned(ticket_id: int):
    ticket = TicketRepository().get(ticket_id) or abort(404)
    body = CANNED.get(request.form.get("kind", ""), CANNED["thanks"])
    return render_template_string(body, ticket=ticket, note=request.form.get("note", ""))


@bp.post("/<int:ticket_id>/close")
@login_required
def close(ticket_id: int):
    resolution = request.form.get("resolution", "")
    TicketRepository().close(ticket_id, resolution)
    current_app.logger.info("ticket %d closed: %s", ticket_id, resolution)
    return jsonify({"closed": ticket_id})


@bp.post("/<int:ticket_id>/resolve")
@login_required
def resolve(ticket_id: int):
    code = request.form.get("code", "")
    if code not in RESOLUTION_CODES:
        abort(400)
    TicketRepository().close(ticket_id, code)
    current_app.logger.info("ticket %d closed: %s", ticket_id, code)
    return jsonify({"closed": ticket_id})
