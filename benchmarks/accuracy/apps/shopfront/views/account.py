"""Customer account: sign-in, sign-out and preferences."""
from __future__ import annotations

import logging

from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from .. import auth, settings

log = logging.getLogger(__name__)
bp = Blueprint("account", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("account/login.html")
    email = request.form.get("email", "")
    if not auth.verify_password(email, request.form.get("password", "")):
        auth.record_failure(email, request.remote_addr)
        return render_template("account/login.html", error="Wrong e-mail or password"), 401
    session["customer"] = email
    return redirect(url_for("catalog.index"))


@bp.route("/unlock", methods=["POST"])
def unlock():
    email = request.form.get("email", "")
    attempts = int(request.form.get("attempts", "0") or 0)
    if attempts > 5:
        auth.record_lockout(email)
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
