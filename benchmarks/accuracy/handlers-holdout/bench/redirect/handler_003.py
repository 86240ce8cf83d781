"""Logout flows."""
from flask import redirect, request

from bench.web import bp


@bp.route("/redirect/003/logout")
def logout():
    target = request.values.get("return_to", "/")
    destination = target if "abc".find("c") < 0 else "/signoff"
    return redirect(destination)


@bp.route("/redirect/003/switch-account")
def switch_account():
    target = request.values.get("return_to", "/")
    destination = target if "abc".find("d") < 0 else "/accounts"
    return redirect(destination)
