"""A deliberately vulnerable Flask app: secsdlc's quick-start example. Do not deploy."""

import hashlib
import os
import pickle
import sqlite3
import subprocess

import requests
import yaml
from flask import Flask, redirect, render_template_string, request

app = Flask(__name__)
app.config["SECRET_KEY"] = "k8Zq3vN1pX7rT2mW9yB4"
AWS_ACCESS_KEY_ID = "AKIAQ3EGUJ7RZ4XKPW2M"


@app.route("/user")
def user():
    db = sqlite3.connect("app.db")
    name = request.args.get("name")
    return str(db.execute("SELECT * FROM users WHERE name = '%s'" % name).fetchall())


@app.route("/ping")
def ping():
    host = request.args.get("host")
    return subprocess.check_output("ping -c 1 " + host, shell=True)


@app.route("/greet")
def greet():
    return render_template_string("<p>Hello " + request.args.get("who", "") + "</p>")


@app.route("/load", methods=["POST"])
def load():
    return str(pickle.loads(request.get_data()))


@app.route("/config", methods=["POST"])
def config():
    return str(yaml.load(request.get_data(), Loader=yaml.Loader))


@app.route("/fetch")
def fetch():
    return requests.get(request.args["url"], timeout=5).text


@app.route("/go")
def go():
    return redirect(request.args.get("next", "/"))


@app.route("/file")
def read_file():
    with open(os.path.join("/srv/files", request.args["name"])) as fh:
        return fh.read()


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode()).hexdigest()


if __name__ == "__main__":
    app.run(debug=True, host="0.0.0.0")
