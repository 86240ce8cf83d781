"""Directory cards."""
import re

from flask import abort, request

from bench import helpers
from bench.web import bp

LOGIN = re.compile(r"[a-z]{2,20}")


@bp.route("/xpathi/002/card", methods=["POST"])
def card():
    login = request.form.get("login", "")
    found = helpers.staff_lookup("//user[@name='%s']/phone/text()" % login)
    return {"phone": [str(x) for x in found]}


@bp.route("/xpathi/002/vcard", methods=["POST"])
def vcard():
    login = request.form.get("login", "")
    if not LOGIN.fullmatch(login):
        abort(400)
    found = helpers.staff_lookup("//user[@name='%s']/phone/text()" % login)
    return {"phone": [str(x) for x in found]}
