"""Customer account: sign-in, sign-out and preferences."""
from __future__ import annotations

import hashlib
import hmac
import logging
import os

from flask import (
    Blueprint,
    abort,
    redirect,
    render_template,
    request,
    send_file,
    send_from_directory,
    session,
    url_for,
)

from . import db, settings

log = logging.getLogger(__name__)
audit_log = logging.getLogger("shopfront.auth")
bp = Blueprint("account", __name__)


def verify_password(username: str, password: str) -> bool:
    rows = db.query("SELECT salt, pw_hash FROM customers WHERE email = ?", (username,))
    if not rows:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), rows[0]["salt"], 200_000)
    return hmac.compare_digest(digest.hex(), rows[0]["pw_hash"])


def record_failure(username: str, remote_addr: str | None) -> None:
    audit_log.warning("failed login for %s from %s", username, remote_addr)


def record_lockout(username: str) -> None:
    audit_log.warning("account locked after repeated failures: %r", username)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("account/login.html")
    email = request.form.get("email", "")
    if not verify_password(email, request.form.get("password", "")):
        record_failure(email, request.remote_addr)
        return render_template("account/login.html", error="Wrong e-mail or password"), 401
    session["customer"] = email
    return redirect(url_for("catalog.index"))


@bp.route("/unlock", methods=["POST"])
def unlock():
    email = request.form.get("email", "")
    attempts = int(request.form.get("attempts", "0") or 0)
    if attempts > 5:
        record_lockout(email)
        abort(429)
    return render_template("account/unlock.html")


@bp.route("/continue")
def continue_shopping():
    target = request.args.get("next", "/")
    if not target.startswith("/"):
        target = "/"
    return redirect(target)


@bp.route("/landing")
def landing():
    endpoint = request.args.get("to", "catalog.index")
    if endpoint not in settings.LANDING_ENDPOINTS:
        endpoint = "catalog.index"
    return redirect(url_for(endpoint))


@bp.route("/profile")
def profile():
    return render_template("account/profile.html", customer=session.get("customer"))


@bp.route("/preferences/tier", methods=["POST"])
def choose_tier():
    session["price_tier"] = request.form.get("tier", "retail")
    return redirect(url_for("account.profile"))


@bp.route("/preferences/currency")
def choose_currency():
    currency = request.args.get("currency", "EUR").upper()
    if currency not in settings.SUPPORTED_CURRENCIES:
        abort(400)
    session["currency"] = currency
    return redirect(url_for("account.profile"))


@bp.route("/invoices/download")
def download_invoice():
    if "customer" not in session:
        abort(401)
    name = request.args.get("file", "")
    return send_file(os.path.join(settings.INVOICE_DIR, name), mimetype="application/pdf", as_attachment=True)


@bp.route("/invoices/view")
def view_invoice():
    if "customer" not in session:
        abort(401)
    name = request.args.get("file", "")
    return send_from_directory(settings.INVOICE_DIR, name, mimetype="application/pdf")
