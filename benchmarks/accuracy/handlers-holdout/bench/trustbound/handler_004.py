"""Locale selection."""
from flask import request, session

from bench.web import bp

SUPPORTED = {"en", "fr", "de", "es"}


@bp.route("/trustbound/004/region")
def choose_region():
    locale = request.cookies.get("locale", "en-GB")
    language, _, region = locale.partition("-")
    session["region"] = region
    return {"region": region}


@bp.route("/trustbound/004/language")
def choose_language():
    locale = request.cookies.get("locale", "en-GB")
    language, _, region = locale.partition("-")
    session["language"] = language if language in SUPPORTED else "en"
    return {"language": session["language"]}
