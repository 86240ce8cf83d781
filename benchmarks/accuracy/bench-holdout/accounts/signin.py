import hashlib
import json

from flask import jsonify, make_response, request, session

from .app import app
from .store import UserStore


@app.route("/signin/kiosk", methods=["POST"])
def kiosk_signin():
    user = UserStore().get(request.form["username"])
    attempt = hashlib.md5(request.form["password"].encode()).hexdigest()
    if user is None or attempt != user[2]:
        return jsonify({"error": "invalid credentials"}), 401
    session["username"] = user[1]
    return jsonify({"ok": True})


@app.route("/me/summary")
def my_summary():
    user = UserStore().get(session.get("username", ""))
    body = json.dumps({"username": user[1], "admin": bool(user[3])})
    etag = hashlib.md5(body.encode()).hexdigest()
    resp = make_response(body)
    resp.headers["ETag"] = etag
    return resp
