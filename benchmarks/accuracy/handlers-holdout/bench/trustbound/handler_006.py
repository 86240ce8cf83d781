"""Referral tracking."""
from flask import session

from bench.helpers import with_arg
from bench.web import bp


@bp.route("/trustbound/006/landing")
@with_arg("ref")
def landing(ref: str):
    session["channel"] = ("campaign:" + ref)[:8]
    return {"ok": True}


@bp.route("/trustbound/006/signup")
@with_arg("ref")
def signup(ref: str):
    session["channel"] = ("campaign:" + ref)[:40]
    return {"ok": True}
