"""Sign-in, password and session endpoints."""
from __future__ import annotations

import logging
import random
import secrets
import string

from flask import Blueprint, abort, current_app, jsonify, redirect, request, session

from .. import passwords
from ..repositories.customer_repo import CustomerRepository
from ..validation import one_line, require_json

bp = Blueprint("account", __name__, url_prefix="/account")
log = logging.getLogger("billing.audit")

SUPPORTED_LOCALES = ("en", "de", "fr", "nl")
RETURN_PAGES = {
    "dashboard": "/",
    "invoices": "/invoices",
    "customers": "/customers",
    "settings": "/account/settings",
}
KEY_ALPHABET = string.ascii_letters + string.digits
SESSION_MAX_AGE = 8 * 3600


def _repo() -> CustomerRepository:
    return CustomerRepository(current_app.config["DATABASE_URL"])


def _current_account_id() -> int:
    account_id = session.get("account_id")
    if account_id is None:
        abort(401)
    return int(account_id)


@bp.post("/login")
def login():
    payload = require_json(request)
    email = str(payload.get("email", ""))
    found = _repo().account_by_email(email)
    if found is None or not passwords.matches(
        passwords.derive_key(str(payload.get("password", "")), found[2]), found[1]
    ):
        log.warning("failed sign-in for %s", email)
        abort(401)
    session["account_id"] = found[0].id
    return jsonify(ok=True)


@bp.post("/password-reset")
def request_password_reset():
    payload = require_json(request)
    email = str(payload.get("email", ""))
    if _repo().account_by_email(email) is None:
        log.warning("password reset for unknown address %s", one_line(email))
        return jsonify(ok=True)
    return jsonify(ok=True)


@bp.get("/continue")
def continue_after_login():
    target = request.args.get("next", "/")
    if not target.startswith("/"):
        target = "/"
    return redirect(target)


@bp.get("/back")
def back_to_section():
    section = request.args.get("section", "dashboard")
    return redirect(RETURN_PAGES.get(section, "/"))


@bp.post("/password")
def change_password():
    account_id = _current_account_id()
    new_password = str(require_json(request).get("new_password", ""))
    if len(new_password) < 12:
        abort(400, description="password too short")
    salt = passwords.new_salt()
    _repo().update_password(account_id, passwords.digest_for_storage(new_password, salt), salt)
    return jsonify(ok=True)


@bp.post("/password/initial")
def set_initial_password():
    account_id = _current_account_id()
    new_password = str(require_json(request).get("new_password", ""))
    if len(new_password) < 12:
        abort(400, description="password too short")
    salt = passwords.new_salt()
    _repo().update_password(account_id, passwords.derive_key(new_password, salt), salt)
    return jsonify(ok=True)


@bp.post("/api-keys")
def create_api_key():
    account_id = _current_account_id()
    key = "bk_" + "".join(random.choices(KEY_ALPHABET, k=40))
    _repo().store_api_key(account_id, key)
    return jsonify(key=key), 201


@bp.post("/invites")
def create_invite_code():
    account_id = _current_account_id()
    code = "inv_" + "".join(secrets.choice(KEY_ALPHABET) for _ in range(24))
    _repo().store_api_key(account_id, code)
    return jsonify(code=code), 201


@bp.post("/devices/remember")
def remember_device():
    account_id = _current_account_id()
    token = secrets.token_urlsafe(32)
    resp = jsonify(ok=True, account=account_id)
    resp.set_cookie("billing_device", token, max_age=30 * 24 * 3600)
    return resp


@bp.post("/browsers/remember")
def remember_browser():
    account_id = _current_account_id()
    token = secrets.token_urlsafe(32)
    resp = jsonify(ok=True, account=account_id)
    resp.set_cookie(
        "billing_browser", token, max_age=30 * 24 * 3600, secure=True, httponly=True, samesite="Lax"
    )
    return resp


@bp.post("/tenant")
def select_tenant():
    _current_account_id()
    tenant = request.headers.get("X-Billing-Tenant", "")
    session["tenant_id"] = tenant
    return jsonify(tenant=tenant)


@bp.post("/locale")
def select_locale():
    locale = request.args.get("locale", "en")
    if locale not in SUPPORTED_LOCALES:
        abort(400, description="unsupported locale")
    session["locale"] = locale
    return jsonify(locale=locale)


@bp.post("/profile")
def update_profile():
    _current_account_id()
    payload = require_json(request)
    session["display_name"] = str(payload.get("display_name", ""))[:80]
    session["role"] = payload.get("role", "viewer")
    return jsonify(ok=True)


@bp.post("/profile/refresh")
def refresh_profile():
    account = _repo().account(_current_account_id())
    if account is None:
        abort(404)
    requested = require_json(request).get("role")
    if requested and requested != account.role:
        log.info("role change requested for account %d", account.id)
    session["role"] = account.role
    return jsonify(role=account.role)


@bp.get("/me")
def whoami():
    account = _repo().account(_current_account_id())
    if account is None:
        abort(404)
    return jsonify(
        id=account.id,
        email=account.email,
        name=account.display_name,
        locale=session.get("locale", "en"),
    )


@bp.post("/logout")
def logout():
    session.clear()
    resp = jsonify(ok=True)
    resp.delete_cookie("billing_device")
    return resp
