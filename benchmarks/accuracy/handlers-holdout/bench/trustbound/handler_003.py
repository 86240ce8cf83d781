"""Checkout steps."""
from flask import request, session

from bench.web import bp

FLOW = "PSC"


@bp.route("/trustbound/003/step", methods=["POST"])
def checkout_step():
    wanted = (request.get_json(silent=True) or {}).get("discount", "")
    stage = FLOW[0]
    if stage == "S":
        code = wanted
    elif stage == "P":
        code = "NONE"
    else:
        code = "WELCOME"
    session["discount_code"] = code
    return {"stage": stage}


@bp.route("/trustbound/003/confirm", methods=["POST"])
def checkout_confirm():
    wanted = (request.get_json(silent=True) or {}).get("discount", "")
    stage = FLOW[1]
    if stage == "S":
        code = wanted
    elif stage == "P":
        code = "NONE"
    else:
        code = "WELCOME"
    session["discount_code"] = code
    return {"stage": stage}
