"""Invoice endpoints: listing, search, printable reports and exports."""
from __future__ import annotations

import html
import logging
import os
import re

from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    make_response,
    request,
    send_file,
    send_from_directory,
)

from ..reporting import build_csv, render_html_table
from ..services.invoice_service import InvoiceFilter, InvoiceService
from ..validation import parse_pagination

bp = Blueprint("invoices", __name__, url_prefix="/invoices")
log = logging.getLogger(__name__)

SORTABLE_COLUMNS = ("issued_at", "due_at", "amount_cents", "number")


def _service() -> InvoiceService:
    return InvoiceService.from_app(current_app)


@bp.get("")
def list_invoices():
    page, per_page = parse_pagination(request.args)
    return jsonify([inv.to_dict() for inv in _service().page(page, per_page)])


@bp.get("/by-status")
def invoices_by_status():
    flt = InvoiceFilter(status=request.args.get("status", "open"))
    rows = _service().search_by_status(flt)
    return jsonify([inv.to_dict() for inv in rows])


@bp.get("/by-currency")
def invoices_by_currency():
    flt = InvoiceFilter(currency=request.args.get("currency", "EUR"))
    rows = _service().search_by_currency(flt)
    return jsonify([inv.to_dict() for inv in rows])


@bp.get("/sorted")
def invoices_sorted():
    column = request.args.get("sort", "issued_at")
    if not re.match(r"[a-z_]+", column):
        abort(400, description="unknown sort column")
    return jsonify([inv.to_dict() for inv in _service().sorted_by(column)])


@bp.get("/overdue")
def overdue_invoices():
    column = request.args.get("sort", "due_at")
    if column not in SORTABLE_COLUMNS:
        abort(400, description="unknown sort column")
    return jsonify([inv.to_dict() for inv in _service().overdue(sort=column)])


@bp.get("/<number>/summary")
def invoice_summary(number: str):
    invoice = _service().by_number(number)
    if invoice is None:
        return f"<p>No invoice numbered {number} was found.</p>", 404
    return jsonify(invoice.to_dict())


@bp.get("/id/<int:invoice_id>/summary")
def invoice_summary_by_id(invoice_id: int):
    invoice = _service().get(invoice_id)
    if invoice is None:
        return f"<p>No invoice with id {invoice_id} was found.</p>", 404
    return jsonify(invoice.to_dict())


@bp.get("/report.html")
def open_invoices_report():
    title = request.args.get("title", "Open invoices")
    title = title.replace("<script", "").replace("</script>", "")
    rows = [inv.to_row() for inv in _service().open_invoices()]
    resp = make_response(render_html_table(title, rows))
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp


@bp.get("/aging.html")
def aging_report():
    title = html.escape(request.args.get("title", "Aging report"))
    rows = [inv.to_row() for inv in _service().overdue(sort="due_at")]
    resp = make_response(render_html_table(title, rows))
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp


@bp.get("/overdue.csv")
def export_overdue_csv():
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", request.args.get("filename", "overdue"))
    rows = [inv.to_row() for inv in _service().overdue(sort="due_at")]
    resp = make_response(build_csv(rows))
    resp.headers["Content-Type"] = "text/csv"
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return resp


@bp.get("/exports/<path:filename>")
def download_export(filename: str):
    path = os.path.join(current_app.config["EXPORT_DIR"], filename)
    if not os.path.isfile(path):
        abort(404)
    log.info("export downloaded")
    return send_file(path, as_attachment=True)


@bp.get("/archives/<path:filename>")
def download_archive(filename: str):
    log.info("archive downloaded")
    return send_from_directory(current_app.config["ARCHIVE_DIR"], filename, as_attachment=True)


@bp.get("/<int:invoice_id>")
def get_invoice(invoice_id: int):
    invoice = _service().get(invoice_id)
    if invoice is None:
        abort(404)
    return jsonify(invoice.to_dict())


@bp.get("/totals")
def invoice_totals():
    totals: dict[str, int] = {}
    for invoice in _service().open_invoices():
        totals[invoice.currency] = totals.get(invoice.currency, 0) + invoice.amount_cents
    return jsonify({currency: cents / 100 for currency, cents in sorted(totals.items())})


@bp.post("/<int:invoice_id>/paid")
def mark_paid(invoice_id: int):
    service = _service()
    if service.get(invoice_id) is None:
        abort(404)
    service.repo.set_status(invoice_id, "paid")
    log.info("invoice %d marked paid", invoice_id)
    return jsonify(id=invoice_id, status="paid")
