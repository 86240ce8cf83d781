from flask import Flask, request, make_response
import sqlite3
from sqlalchemy import text

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    data = f"{value}"
    cur = sqlite3.connect("app.db").cursor()
    cur.execute("SELECT * FROM users WHERE name = ?", (data,))
    return 'ok'
