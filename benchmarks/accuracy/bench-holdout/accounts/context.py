from dataclasses import dataclass

from flask import abort, jsonify, request, session

from .app import app
from .store import UserStore

LOCALES = ("en", "de", "fr", "es")


@dataclass
class Preferences:
    theme: str = "light"
    role: str = "member"


@app.route("/accounts/select")
def select_account():
    account = request.args["account"]
    session["account_id"] = account
    return jsonify({"account": account})


@app.route("/accounts/switch")
def switch_account():
    account = request.args["account"]
    if account not in UserStore().account_ids(session["username"]):
        abort(403)
    session["account_id"] = account
    return jsonify({"account": account})


@app.route("/preferences/workspace", methods=["POST"])
def workspace_preferences():
    prefs = Preferences(theme=request.form.get("theme", "light"), role=request.form.get("role", "member"))
    session["theme"] = "dark" if prefs.theme == "dark" else "light"
    session["role"] = prefs.role
    return jsonify({"theme": session["theme"]})


@app.route("/preferences/display", methods=["POST"])
def display_preferences():
    prefs = Preferences(theme=request.form.get("theme", "light"))
    session["theme"] = "dark" if prefs.theme == "dark" else "light"
    session["role"] = prefs.role
    return jsonify({"theme": session["theme"]})


@app.route("/preferences/bulk", methods=["POST"])
def bulk_preferences():
    session.update(request.get_json(force=True))
    return jsonify({"ok": True})


@app.route("/preferences/locale", methods=["POST"])
def locale_preference():
    wanted = request.get_json(force=True).get("locale")
    session.update(locale=wanted if wanted in LOCALES else "en")
    return jsonify({"ok": True})
