import random
import secrets
import string

from flask import jsonify, request, session

from .app import app
from .store import UserStore

ALPHANUM = string.ascii_letters + string.digits


@app.route("/password/forgot", methods=["POST"])
def forgot_password():
    user = UserStore().get(request.form["username"])
    if user is None:
        return jsonify({"ok": True})
    token = "".join(random.choices(ALPHANUM, k=32))
    UserStore().save_hash(user[1] + ":reset", token)
    return jsonify({"ok": True})


@app.route("/password/forgot/email", methods=["POST"])
def forgot_password_email():
    user = UserStore().get(request.form["username"])
    if user is None:
        return jsonify({"ok": True})
    token = secrets.token_urlsafe(24)
    UserStore().save_hash(user[1] + ":reset", token)
    return jsonify({"ok": True})


@app.route("/mfa/sms", methods=["POST"])
def send_sms_code():
    code = random.randint(100000, 999999)
    UserStore().save_hash(session["username"] + ":mfa", str(code))
    return jsonify({"sent": True})


@app.route("/mfa/email", methods=["POST"])
def send_email_code():
    code = secrets.randbelow(900000) + 100000
    UserStore().save_hash(session["username"] + ":mfa", str(code))
    return jsonify({"sent": True})


@app.route("/forms/csrf")
def issue_form_token():
    token = str(random.random())[2:]
    session["csrf"] = token
    return jsonify({"csrf": token})


@app.route("/forms/retry-after")
def retry_after():
    delay = 2 + random.random() * 3
    return jsonify({"retry_after": round(delay, 2)})
