"""Search result pages."""
import html

from flask import request

from bench import helpers
from bench.web import bp

DOCUMENTS = ("Quarterly report", "Onboarding guide", "Security policy", "Holiday calendar")


@bp.route("/xss/002/search")
def search():
    term = request.args.get("q", "")
    body = "<h1>Results</h1><ul>"
    for title in DOCUMENTS:
        if term.lower() in title.lower():
            body += "<li>" + title + "</li>"
    body += "</ul><p>You searched for " + term + "</p>"
    return helpers.page("Search", body)


@bp.route("/xss/002/titles")
def titles():
    term = request.args.get("q", "")
    body = "<h1>Titles</h1><ul>"
    for title in DOCUMENTS:
        if term.lower() in title.lower():
            body += "<li>" + title + "</li>"
    body += "</ul><p>You searched for " + html.escape(term) + "</p>"
    return helpers.page("Titles", body)
