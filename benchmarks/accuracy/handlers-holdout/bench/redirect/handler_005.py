"""Tenant sign-in."""
import re

from flask import abort, redirect

from bench.web import bp

TENANT = re.compile(r"[a-z0-9-]{1,30}")


@bp.route("/redirect/005/tenant/<tenant>")
def tenant_login(tenant: str):
    return redirect(f"https://{tenant}.example.com/login")


@bp.route("/redirect/005/workspace/<tenant>")
def workspace_login(tenant: str):
    if not TENANT.fullmatch(tenant):
        abort(404)
    return redirect(f"https://{tenant}.example.com/login")
