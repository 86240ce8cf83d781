from flask import jsonify, request, session

from .app import app
from .store import UserStore


@app.route("/password/reset/legacy", methods=["POST"])
def reset_password_legacy():
    UserStore().set_password_legacy(session["username"], request.form["new_password"])
    return jsonify({"ok": True})


@app.route("/password/change", methods=["POST"])
def change_password():
    UserStore().set_password(session["username"], request.form["new_password"])
    return jsonify({"ok": True})
