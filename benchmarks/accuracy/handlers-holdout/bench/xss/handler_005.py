"""Notification snippets."""
from flask import request
from markupsafe import Markup

from bench.web import bp


@bp.route("/xss/005/notice")
def notice():
    subject = request.values.get("subject", "")
    snippet = Markup(f"<strong>New message:</strong> {subject}")
    return str(snippet)


@bp.route("/xss/005/alert")
def alert():
    subject = request.values.get("subject", "")
    snippet = Markup("<strong>New alert:</strong> {}").format(subject)
    return str(snippet)
