import base64
import json

from flask import redirect, request, url_for

from .app import app
from .helpers import is_local, is_same_site

ENDPOINTS = ("home", "settings", "billing")


@app.route("/signin/continue")
def signin_continue():
    target = request.args.get("next", "/")
    if not is_local(target):
        target = "/"
    return redirect(target)


@app.route("/signin/done")
def signin_done():
    target = request.args.get("next", "/")
    if not is_same_site(target):
        target = url_for("home")
    return redirect(target)


def _state() -> dict:
    return json.loads(base64.urlsafe_b64decode(request.args.get("state", "e30=")))


@app.route("/sso/callback")
def sso_callback():
    state = _state()
    return redirect(state.get("return_to", "/"))


@app.route("/sso/linked")
def sso_linked():
    state = _state()
    endpoint = state.get("endpoint")
    return redirect(url_for(endpoint if endpoint in ENDPOINTS else "home"))
