"""Login, registration, password reset and invitations."""
import hashlib
import hmac
import logging
import os
import random
import secrets
import string
from datetime import timedelta

from flask import (
    Blueprint, abort, current_app, flash, jsonify, make_response, redirect,
    render_template, request, session, url_for,
)

from . import models
from .admin import login_required
from .utils import absolute_local, is_local_url

bp = Blueprint("auth", __name__)
log = logging.getLogger("quillpress.auth")

TOKEN_ALPHABET = string.ascii_letters + string.digits
PBKDF2_ROUNDS = 600_000


def verify_password(stored: str, password: str) -> bool:
    scheme, _, rest = stored.partition("$")
    if scheme == "pbkdf2":
        salt, _, digest = rest.partition("$")
        candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), PBKDF2_ROUNDS).hex()
        return hmac.compare_digest(candidate, digest)
    if scheme == "sha1":
        salt, _, digest = rest.partition("$")
        return hmac.compare_digest(hashlib.sha1((salt + password).encode()).hexdigest(), digest)
    return False


def _authenticate():
    user = models.find_user(request.form.get("username", ""))
    if user is None or not verify_password(user["password_hash"], request.form.get("password", "")):
        return None
    return user


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    user = _authenticate()
    if user is None:
        flash("Wrong username or password")
        return redirect(url_for("auth.login"))
    session["user_id"] = user["id"]
    target = request.args.get("next", "/")
    if not target.startswith("/"):
        target = "/"
    return redirect(target)


@bp.route("/language/<code>")
def switch_language(code):
    session["lang"] = code if code in ("en", "de", "fr", "es") else "en"
    target = request.args.get("next", "/")
    if not is_local_url(target):
        target = "/"
    return redirect(absolute_local(target))


@bp.route("/confirm/<token>")
def confirm_email(token):
    back = request.args.get("return_to", url_for("blog.index"))
    if not is_local_url(back):
        log.warning("confirmation with foreign return_to")
    flash("Your e-mail address is confirmed.")
    return redirect(back)


@bp.route("/oauth/done")
def oauth_done():
    back = request.args.get("return_to", url_for("blog.index"))
    if not is_local_url(back):
        log.warning("oauth callback with foreign return_to")
        return redirect(url_for("blog.index"))
    flash("Signed in.")
    return redirect(absolute_local(back))


@bp.route("/api/login", methods=["POST"])
def api_token_login():
    user = _authenticate()
    if user is None:
        return jsonify(error="invalid credentials"), 401
    token = secrets.token_urlsafe(32)
    models.save_token(user["id"], "session", token)
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("qp_session", token, max_age=int(timedelta(days=current_app.config["REMEMBER_DAYS"]).total_seconds()))
    return resp


@bp.route("/magic/<token>")
def magic_link(token):
    if not token.isalnum():
        abort(400)
    session_token = secrets.token_urlsafe(32)
    resp = make_response(redirect(url_for("blog.index")))
    resp.set_cookie(
        "qp_session",
        session_token,
        max_age=int(timedelta(days=current_app.config["REMEMBER_DAYS"]).total_seconds()),
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return resp


@bp.route("/register", methods=["POST"])
def register():
    username = request.form["username"].strip()
    password = request.form["password"]
    if len(password) < 8 or models.find_user(username):
        abort(400)
    salt = os.urandom(8).hex()
    digest = hashlib.sha1((salt + password).encode()).hexdigest()
    models.create_user(username, request.form.get("email", ""), f"sha1${salt}${digest}")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["POST"])
@login_required
def change_password():
    password = request.form["new_password"]
    if len(password) < 8:
        abort(400)
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ROUNDS).hex()
    models.set_password(session["user_id"], f"pbkdf2${salt.hex()}${digest}")
    return jsonify(ok=True)


@bp.route("/forgot", methods=["POST"])
def forgot_password():
    user = models.find_user_by_email(request.form.get("email", ""))
    if user is not None:
        token = "".join(random.choice(TOKEN_ALPHABET) for _ in range(32))
        models.save_token(user["id"], "reset", token)
    flash("If the address is known, a reset link is on its way.")
    return redirect(url_for("auth.login"))


@bp.route("/invite", methods=["POST"])
@login_required
def invite():
    email = request.form.get("email", "")
    token = "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(32))
    models.save_token(session["user_id"], "invite:" + email, token)
    return jsonify(ok=True)
