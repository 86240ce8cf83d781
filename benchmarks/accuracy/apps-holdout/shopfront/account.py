"""Customer account: sign-in, orders, store and currency preferences."""
from __future__ import annotations

import functools
import logging
from typing import Any, Callable

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for
from markupsafe import escape
from werkzeug.security import check_password_hash

from . import db, settings

logger = logging.getLogger(__name__)

bp = Blueprint("account", __name__, url_prefix="/account")


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        customer_id = session.get("customer_id")
        if customer_id is None:
            return redirect(url_for("account.login"))
        g.customer_id = int(customer_id)
        return view(*args, **kwargs)

    return wrapper


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in, then go back to the page the customer came from."""
    next_url = request.args.get("next", "/")
    if request.method == "GET":
        return render_template("account/login.html", next=next_url)
    customer = db.find_customer(request.form.get("email", ""))
    if customer is None or not check_password_hash(customer["password_hash"], request.form.get("password", "")):
        flash("Unknown e-mail address or wrong password.")
        return render_template("account/login.html", next=next_url), 401
    session.clear()
    session["customer_id"] = customer["id"]
    if not next_url.startswith("/"):
        next_url = "/"
    return redirect(next_url)


@bp.route("/logout")
def logout():
    """Sign out and offer to sign in again, coming back to the same page."""
    session.clear()
    return redirect(url_for("account.login", next=request.args.get("next", "/")))


@bp.route("/orders/track")
def track_order():
    """Guest order tracking by order number and e-mail address."""
    order_no = escape(request.args.get("order", ""))
    email = request.args.get("email", "").lower()
    rows = db.query(
        "SELECT id, placed_at, status, carrier, tracking_code FROM orders "
        "WHERE id = %s AND customer_email = ?" % order_no,
        (email,),
    )
    if not rows:
        abort(404)
    return render_template("account/tracking.html", order=rows[0])


@bp.route("/orders")
@login_required
def order_history():
    """The signed-in customer's orders, optionally filtered."""
    sql = "SELECT id, placed_at, status, total_cents FROM orders WHERE customer_id = ?"
    params: list[Any] = [g.customer_id]
    status = request.args.get("status")
    if status:
        sql += " AND status = ?"
        params.append(status)
    since = request.args.get("since")
    if since:
        sql += " AND placed_at >= ?"
        params.append(since)
    sql += " ORDER BY placed_at DESC LIMIT 100"
    orders = db.query(sql, params)
    return render_template("account/orders.html", orders=orders, status=status)


@bp.route("/store", methods=["POST"])
def choose_store():
    """Remember the customer's pick-up store for stock and price display."""
    store = request.form.get("store", "").strip()
    if not store:
        abort(400)
    session["store_id"] = store
    return redirect(url_for("catalog.search"))


@bp.route("/currency", methods=["POST"])
def choose_currency():
    """Remember the customer's display currency."""
    currency = request.form.get("currency", settings.DEFAULT_CURRENCY).upper()
    if currency not in settings.CURRENCIES:
        abort(400)
    session["currency"] = currency
    return redirect(url_for("catalog.search"))
