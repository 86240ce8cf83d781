import secrets

from flask import jsonify, make_response

from .app import app


@app.route("/session/start", methods=["POST"])
def start_session():
    token = secrets.token_urlsafe(32)
    resp = make_response(jsonify({"ok": True}))
    resp.set_cookie("session_token", token, max_age=8 * 3600)
    return resp


@app.route("/session/begin", methods=["POST"])
def begin_session():
    token = secrets.token_urlsafe(32)
    resp = make_response(jsonify({"ok": True}))
    resp.set_cookie("session_token", token, max_age=8 * 3600, secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/session/refresh", methods=["POST"])
def refresh_session():
    opts = {"httponly": True, "samesite": "Lax", "max_age": 14 * 86400}
    resp = make_response(jsonify({"ok": True}))
    resp.set_cookie("refresh_token", secrets.token_urlsafe(32), **opts)
    return resp


@app.route("/session/renew", methods=["POST"])
def renew_session():
    opts = {"httponly": True, "samesite": "Lax", "max_age": 14 * 86400}
    opts["secure"] = True
    resp = make_response(jsonify({"ok": True}))
    resp.set_cookie("refresh_token", secrets.token_urlsafe(32), **opts)
    return resp
