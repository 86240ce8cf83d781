"""Localised help articles."""
from flask import make_response, request

from bench.web import bp


@bp.route("/headeri/005/article")
def article():
    primary, alternate = "en", request.args.get("alt", "fr")
    resp = make_response("<article>...</article>")
    resp.headers.add("Content-Language", alternate)
    return resp


@bp.route("/headeri/005/glossary")
def glossary():
    primary, alternate = "en", request.args.get("alt", "fr")
    resp = make_response("<article>glossary</article>")
    resp.headers.add("Content-Language", primary)
    return resp
