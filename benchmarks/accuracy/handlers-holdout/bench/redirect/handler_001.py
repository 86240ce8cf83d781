"""Post-login redirects."""
from flask import abort, redirect, request

from bench.web import bp

HOME = "https://www.example.com"
LANDING_PAGES = ("/dashboard", "/inbox", "/settings", "/billing")


@bp.route("/redirect/001/after-login")
def after_login():
    target = request.args.get("next", HOME)
    if not target.startswith(HOME):
        abort(400)
    return redirect(target)


@bp.route("/redirect/001/after-signup")
def after_signup():
    target = request.args.get("next", "/dashboard")
    if target not in LANDING_PAGES:
        abort(400)
    return redirect(target)
