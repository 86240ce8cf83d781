"""Operations admin: order desk, customer tools, reports and support utilities."""
import hashlib
import html
import ipaddress
import logging
import os
import random
import re
import shlex
import string
import zoneinfo
from urllib.parse import urlparse

from flask import (Blueprint, Response, abort, make_response, redirect, render_template,
                   request, send_file, session, url_for)
from markupsafe import Markup, escape

from opsadmin import settings
from opsadmin.common import db, importers, reports
from opsadmin.common.html import page, table

bp = Blueprint("ops", __name__)
log = logging.getLogger("opsadmin.views")

ORDER_COLUMNS = ("id", "customer", "status", "total", "created")
SORTABLE = ("created", "total", "status")


def _is_support():
    return "support" in session.get("roles", [])


# ---------------------------------------------------------------- orders

@bp.route("/orders")
def orders_list():
    clauses = ["1 = 1"]
    status = request.args.get("status")
    if status:
        clauses.append(f"status = '{status}'")
    carrier = request.args.get("carrier")
    if carrier:
        clauses.append("carrier = '%s'" % carrier)
    sql = "SELECT id, customer, status, total, created FROM orders WHERE " + " AND ".join(clauses)
    rows = db.fetch_all(sql + " ORDER BY created DESC LIMIT 200")
    return page("Orders", table(ORDER_COLUMNS, [tuple(r) for r in rows]))


@bp.route("/refunds")
def refunds_list():
    clauses, params = ["1 = 1"], []
    status = request.args.get("status")
    if status:
        clauses.append("status = ?")
        params.append(status)
    reason = request.args.get("reason")
    if reason:
        clauses.append("reason LIKE ?")
        params.append("%" + reason + "%")
    sql = "SELECT id, order_id, status, amount, created FROM refunds WHERE " + " AND ".join(clauses)
    rows = db.fetch_all(sql, tuple(params))
    return page("Refunds", table(("id", "order", "status", "amount", "created"), [tuple(r) for r in rows]))


@bp.route("/orders/sorted")
def orders_sorted():
    sort = request.args.get("sort", "created")
    if sort not in SORTABLE:
        sort = "created"
    direction = "ASC" if request.args.get("dir") == "asc" else "DESC"
    rows = db.fetch_all(f"SELECT id, customer, status, total, created FROM orders ORDER BY {sort} {direction}")
    return page("Orders", table(ORDER_COLUMNS, [tuple(r) for r in rows]))


@bp.route("/customers/search")
def customer_search():
    q = html.escape(request.args.get("q", "").strip(), quote=False)
    rows = db.fetch_all("SELECT id, name, email FROM customers WHERE name LIKE '%" + q + "%' LIMIT 50")
    return page("Customers", table(("id", "name", "email"), [tuple(r) for r in rows]))


# ---------------------------------------------------------------- reports

@bp.route("/reports/run", methods=["POST"])
def run_report():
    name = request.form.get("report", "")
    month = request.form.get("month", "")
    if name not in settings.REPORT_NAMES:
        abort(400)
    if not re.match(r"\d{4}-\d{2}", month):
        abort(400)
    rc, out = reports.run_script("--name %s --month %s" % (name, month))
    return render_template("report_result.html", rc=rc, output=out)


@bp.route("/reports/schedule", methods=["POST"])
def schedule_report():
    name = request.form.get("report", "")
    month = request.form.get("month", "")
    if name not in settings.REPORT_NAMES or not re.fullmatch(r"\d{4}-\d{2}", month):
        abort(400)
    rc, out = reports.run_script("--name %s --month %s --schedule" % (name, month))
    return render_template("report_result.html", rc=rc, output=out)


@bp.route("/logs/archive", methods=["POST"])
def archive_logs():
    if "host" not in request.form:
        abort(400)
    host = request.form["host"]
    rc = reports.archive("tar czf /tmp/%s-logs.tgz %s/%s" % (host, settings.LOG_DIR, host))
    return {"ok": rc == 0}


@bp.route("/logs/archive-app", methods=["POST"])
def archive_app_logs():
    app_name = request.form.get("app", "")
    quoted = shlex.quote(app_name)
    rc = reports.archive("tar czf /tmp/%s-app.tgz %s/%s" % (quoted, settings.LOG_DIR, quoted))
    return {"ok": rc == 0}


@bp.route("/tools/ping")
def ping_host():
    target = request.args.get("target", "")
    output = reports.probe(["sh", "-c", "ping -c 2 -W 1 " + target])
    return Response(output, mimetype="text/plain")


@bp.route("/tools/traceroute")
def traceroute_host():
    target = request.args.get("target", "")
    try:
        addr = ipaddress.IPv4Address(target)
    except ValueError:
        abort(400)
    output = reports.probe(["sh", "-c", "traceroute -n -m 12 %s" % addr])
    return Response(output, mimetype="text/plain")


# ---------------------------------------------------------------- pages

@bp.route("/stock")
def stock_page():
    q = request.args.get("q", "")
    rows = db.fetch_all("SELECT sku, name, qty FROM stock WHERE name LIKE ? LIMIT 100", ("%" + q + "%",))
    heading = "<h2>Stock matching %s (%d)</h2>" % (q, len(rows))
    return make_response(page("Stock", heading + table(("sku", "name", "qty"), [tuple(r) for r in rows])))


@bp.route("/carriers")
def carriers_page():
    q = request.args.get("q", "")
    rows = db.fetch_all("SELECT code, name, sla_hours FROM carriers WHERE name LIKE ?", ("%" + q + "%",))
    heading = "<h2>Carriers matching %s (%d)</h2>" % (escape(q), len(rows))
    return make_response(page("Carriers", heading + table(("code", "name", "sla"), [tuple(r) for r in rows])))


@bp.route("/notice")
def notice():
    msg = request.args.get("msg", "Saved.")
    return render_template("notice.html", message=Markup("<strong>%s</strong>") % Markup(msg))


@bp.route("/notice/plain")
def notice_plain():
    msg = request.args.get("msg", "Saved.")
    return render_template("notice.html", message=Markup("<strong>%s</strong>") % msg)


@bp.route("/imports/preview", methods=["POST"])
def preview_import():
    upload = request.files["file"]
    rows = importers.read_csv(upload.read())
    body = "<p>%s: %d rows</p>" % (upload.filename, len(rows))
    body += table(list(rows[0].keys()) if rows else [], [])
    return page("Import preview", body)


@bp.route("/imports/summary", methods=["POST"])
def import_summary():
    upload = request.files["file"]
    rows = importers.read_csv(upload.read())
    body = "<p>%s: %d rows</p>" % (html.escape(upload.filename or ""), len(rows))
    return page("Import summary", body)


@bp.route("/imports/manifest", methods=["POST"])
def import_manifest():
    upload = request.files["manifest"]
    manifest = importers.read_yaml_manifest(upload.read())
    log.info("manifest with %d entries", len(manifest.get("items", [])))
    return {"items": len(manifest.get("items", []))}


@bp.route("/imports/config", methods=["POST"])
def import_config():
    upload = request.files["config"]
    config = importers.read_yaml_config(upload.read())
    return {"keys": sorted(config)}


@bp.route("/imports/remote", methods=["POST"])
def import_remote():
    url = request.form.get("feed_url", "")
    if not url.startswith(("http://", "https://")):
        log.warning("import url without http(s) scheme")
    data = importers.download(url)
    return {"rows": len(importers.read_csv(data))}


@bp.route("/imports/remote-approved", methods=["POST"])
def import_remote_approved():
    url = request.form.get("feed_url", "")
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in settings.IMPORT_HOSTS:
        abort(400)
    data = importers.download(url)
    return {"rows": len(importers.read_csv(data))}


# ---------------------------------------------------------------- exports

@bp.route("/exports/download")
def download_export():
    name = request.args.get("name", "")
    path = os.path.join(settings.EXPORT_DIR, name)
    if not path.endswith((".csv", ".xlsx")):
        abort(404)
    return send_file(path, as_attachment=True)


@bp.route("/exports/report")
def download_report_file():
    name = os.path.basename(request.args.get("name", ""))
    path = os.path.realpath(os.path.join(settings.EXPORT_DIR, name))
    if not path.startswith(settings.EXPORT_DIR + os.sep):
        abort(404)
    return send_file(path, as_attachment=True)


@bp.route("/exports/orders")
def export_orders_page():
    view = request.args.get("view", "Open orders")
    rows = db.fetch_all("SELECT id, customer, status, total FROM orders WHERE status != 'closed' ORDER BY id")
    links = "<a href='/exports/orders.xlsx?view=%s'>Excel</a>" % view
    return page("Export - " + view, links + table(("id", "customer", "status", "total"), [tuple(r) for r in rows]))


EXPORT_VIEWS = {"open": "Open orders", "late": "Late orders", "held": "Orders on hold"}


@bp.route("/exports/views")
def export_view_page():
    key = request.args.get("view", "open")
    view = EXPORT_VIEWS.get(key, EXPORT_VIEWS["open"])
    rows = db.fetch_all("SELECT id, customer, status, total FROM orders WHERE status != 'closed' ORDER BY id")
    links = "<a href='/exports/orders.xlsx?view=%s'>Excel</a>" % view
    return page("Export - " + view, links + table(("id", "customer", "status", "total"), [tuple(r) for r in rows]))


# ---------------------------------------------------------------- support

@bp.route("/support/impersonate", methods=["POST"])
def impersonate():
    target = request.form.get("user_id", "")
    if not _is_support():
        log.warning("non-support user %s tried to impersonate", session.get("uid"))
    session["acting_as"] = target
    return redirect(url_for("ops.orders_list"))


@bp.route("/support/impersonate-verified", methods=["POST"])
def impersonate_verified():
    if not _is_support():
        abort(403)
    row = db.fetch_one("SELECT id FROM users WHERE id = ? AND active = 1", (int(request.form.get("user_id", "0")),))
    if row is None:
        abort(404)
    session["acting_as"] = row["id"]
    return redirect(url_for("ops.orders_list"))


@bp.route("/support/impersonate/end")
def end_impersonation():
    session.pop("acting_as", None)
    return redirect(request.args.get("next") or url_for("ops.orders_list"))


@bp.route("/support/impersonate/cancel")
def cancel_impersonation():
    session.pop("acting_as", None)
    endpoint = request.args.get("next", "orders_list")
    if endpoint not in ("orders_list", "refunds_list", "stock_page"):
        endpoint = "orders_list"
    return redirect(url_for("ops." + endpoint))


@bp.route("/support/audit-note", methods=["POST"])
def audit_note():
    note = request.form.get("note", "")
    ticket = request.form.get("ticket", "")
    log.info("support note on ticket %s: %s", ticket, note)
    db.execute("INSERT INTO audit_notes (ticket, note) VALUES (?, ?)", (ticket, note))
    return {"ok": True}


@bp.route("/support/ticket-close", methods=["POST"])
def close_ticket():
    ticket = int(request.form.get("ticket", "0"))
    reason = request.form.get("reason", "").replace("\r", "\\r").replace("\n", "\\n")
    log.info("ticket %d closed: %s", ticket, reason)
    db.execute("UPDATE tickets SET closed = 1 WHERE id = ?", (ticket,))
    return {"ok": True}


@bp.route("/prefs/timezone")
def set_timezone():
    session["tz"] = request.args.get("tz", "UTC")
    return redirect(url_for("ops.orders_list"))


@bp.route("/prefs/density")
def set_density():
    density = request.args.get("density", "comfortable")
    if density not in ("compact", "comfortable"):
        abort(400)
    session["density"] = density
    return redirect(url_for("ops.orders_list"))


@bp.route("/logs/search")
def search_logs():
    pattern = request.args.get("pattern", "")
    rx = re.compile(pattern, re.IGNORECASE)
    with open(os.path.join(settings.LOG_DIR, "app.log")) as fh:
        hits = [line for line in fh if rx.search(line)]
    return Response("".join(hits[-500:]), mimetype="text/plain")


@bp.route("/logs/grep")
def grep_logs():
    needle = request.args.get("text", "")
    rx = re.compile(re.escape(needle), re.IGNORECASE)
    with open(os.path.join(settings.LOG_DIR, "app.log")) as fh:
        hits = [line for line in fh if rx.search(line)]
    return Response("".join(hits[-500:]), mimetype="text/plain")


@bp.route("/staff/password", methods=["POST"])
def set_staff_password():
    uid = int(request.form["uid"])
    digest = hashlib.md5(request.form["password"].encode("utf-8")).hexdigest()
    db.execute("UPDATE staff SET password_hash = ? WHERE id = ?", (digest, uid))
    return {"ok": True}


@bp.route("/exports/checksum", methods=["POST"])
def export_checksum():
    upload = request.files["file"]
    digest = hashlib.md5(upload.read()).hexdigest()
    return {"filename": upload.filename, "md5": digest}


@bp.route("/staff/<int:uid>/temp-password", methods=["POST"])
def temp_password(uid):
    alphabet = string.ascii_letters + string.digits
    password = "".join(random.choice(alphabet) for _ in range(12))
    db.execute("UPDATE staff SET temp_password = ?, must_change = 1 WHERE id = ?", (password, uid))
    return {"password": password}


@bp.route("/qa/sample")
def qa_sample():
    size = min(int(request.args.get("size", "20")), 100)
    rows = db.fetch_all("SELECT id FROM orders WHERE created > date('now', '-1 day')")
    picked = random.sample([r["id"] for r in rows], min(size, len(rows)))
    return {"orders": picked}


@bp.route("/logs/view")
def view_log_file():
    filename = request.args.get("file", "app.log")
    with open(os.path.join(settings.LOG_DIR, filename), encoding="utf-8", errors="replace") as fh:
        tail = fh.readlines()[-300:]
    return Response("".join(tail), mimetype="text/plain")


@bp.route("/logs/view/<int:index>")
def view_rotated_log(index):
    names = sorted(n for n in os.listdir(settings.LOG_DIR) if n.startswith("app.log"))
    if index >= len(names):
        abort(404)
    with open(os.path.join(settings.LOG_DIR, names[index]), encoding="utf-8", errors="replace") as fh:
        tail = fh.readlines()[-300:]
    return Response("".join(tail), mimetype="text/plain")
