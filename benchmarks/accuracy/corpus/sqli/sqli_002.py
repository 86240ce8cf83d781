from flask import Flask, request, make_response
import sqlite3
from sqlalchemy import text

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    conn = sqlite3.connect("app.db")
    conn.execute("SELECT * FROM users WHERE name = '" + value + "'")
    return 'ok'
