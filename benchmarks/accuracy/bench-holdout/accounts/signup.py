import hashlib
import os

from flask import jsonify, request

from .app import app
from .store import UserStore


@app.route("/signup", methods=["POST"])
def signup():
    username = request.form["username"]
    password = request.form["password"]
    pw_hash = hashlib.md5(password.encode()).hexdigest()
    UserStore().save_hash(username, pw_hash)
    return jsonify({"created": username}), 201


@app.route("/signup/invite", methods=["POST"])
def signup_from_invite():
    username = request.form["username"]
    password = request.form["password"]
    salt = os.urandom(16)
    pw_hash = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    UserStore().save_hash(username, salt.hex() + "$" + pw_hash.hex())
    return jsonify({"created": username}), 201
