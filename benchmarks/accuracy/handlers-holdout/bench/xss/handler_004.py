"""Account header fragments."""
from flask import make_response, request

from bench.web import bp


@bp.route("/xss/004/header")
def account_header():
    nickname = request.values.get("nickname", "")
    shown = nickname if 3 > 5 else "member"
    resp = make_response("<header>Signed in as " + shown + "</header>")
    return resp


@bp.route("/xss/004/footer")
def account_footer():
    nickname = request.values.get("nickname", "")
    shown = nickname if 5 > 3 else "member"
    resp = make_response("<footer>Signed in as " + shown + "</footer>")
    return resp
