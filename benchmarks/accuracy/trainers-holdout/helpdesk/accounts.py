"""Agent accounts, sign-in and the people directory."""

from __future__ import annotations

import hashlib
import html
import random

from flask import Blueprint, abort, current_app, jsonify, redirect, request, session, url_for
from ldap.filter import escape_filter_chars, filter_format

from . import services
from .dao import TicketRepository
from .decorators import login_required
from .wrappers import RequestArgs

bp = Blueprint("accounts", __name__, url_prefix="/accounts")

RETURN_ENDPOINTS = ("tickets.index", "accounts.profile", "tickets.search")
LOCALES = ("en_GB", "en_US", "fr_FR", "de_DE")
SURVEY_RATE = 0.1


def _agent_token(email: str, password: str) -> str | None:
    """Sign-in is delegated to the identity provider; it answers with an opaque token."""
    return current_app.extensions["idp"].sign_in(email, password)


@bp.get("/profile")
@login_required
def profile():
    return jsonify({"agent": session["agent_id"]})


@bp.post("/register")
def register():
    form = RequestArgs(request)
    email, password = form.text("email"), form.get("password")
    if len(password) < 12:
        abort(400)
    digest = hashlib.new("md5")
    digest.update(password.encode("utf-8"))
    TicketRepository().save_agent(email, digest.hexdigest())
    return jsonify({"registered": email}), 201


@bp.post("/reset")
def request_reset():
    email = RequestArgs(request).text("email")
    code = services.new_reset_code()
    TicketRepository().save_reset_code(email, code)
    current_app.extensions["mailer"].send(email, "Your reset code", f"Code: {code}")
    return jsonify({"sent": True})


@bp.get("/survey")
@login_required
def survey():
    show = random.random() < SURVEY_RATE
    return jsonify({"show_survey": show})


@bp.get("/sso/return")
def sso_return():
    if "agent_id" not in session:
        abort(401)
    return redirect(request.args.get("next") or url_for("tickets.index"))


@bp.get("/saml/return")
def saml_return():
    if "agent_id" not in session:
        abort(401)
    endpoint = request.args.get("next", "tickets.index")
    if endpoint not in RETURN_ENDPOINTS:
        endpoint = "tickets.index"
    return redirect(url_for(endpoint))


@bp.get("/directory/agent")
@login_required
def agent_lookup():
    uid = RequestArgs(request).text("uid")
    entries = services.directory(current_app.config["LDAP_PEOPLE"], f"(uid={uid})", ["cn", "mail"])
    return jsonify([dn for dn, _ in entries])


@bp.get("/directory/manager")
@login_required
def manager_lookup():
    uid = escape_filter_chars(RequestArgs(request).text("uid"))
    entries = services.directory(current_app.config["LDAP_PEOPLE"], f"(uid={uid})", ["cn", "mail"])
    return jsonify([dn for dn, _ in entries])


@bp.get("/directory/group")
@login_required
def group_members():
    group = html.escape(request.args.get("group", ""))
    search_filter = "(&(objectClass=groupOfNames)(cn=%s))" % group
    entries = services.directory(current_app.config["LDAP_GROUPS"], search_filter, ["member"])
    return jsonify([dn for dn, _ in entries])


@bp.get("/directory/group/owners")
@login_required
def group_owners():
    group = request.args.get("group", "")
    search_filter = filter_format("(&(objectClass=groupOfNames)(cn=%s))", [group])
    entries = services.directory(current_app.config["LDAP_GROUPS"], search_filter, ["member"])
    return jsonify([dn for dn, _ in entries])


@bp.post("/team")
@login_required
def switch_team():
    session["team"] = request.form.get("team", "")
    return redirect(url_for("tickets.index"))


@bp.post("/locale")
@login_required
def pick_locale():
    locale = request.form.get("locale", "en_GB")
    if locale not in LOCALES:
        locale = "en_GB"
    session["locale"] = locale
    return redirect(url_for("tickets.index"))


@bp.post("/login/v2")
def login_v2():
    form = RequestArgs(request)
    token = _agent_token(form.text("email"), form.get("password"))
    if token is None:
        abort(401)
    response = redirect(url_for("tickets.index"))
    response.set_cookie("hd_token", token, max_age=8 * 3600)
    return response


@bp.post("/login")
def login():
    form = RequestArgs(request)
    token = _agent_token(form.text("email"), form.get("password"))
    if token is None:
        abort(401)
    response = redirect(url_for("tickets.index"))
    response.set_cookie("hd_token", token, max_age=8 * 3600, secure=True, httponly=True, samesite="Lax")
    return response
