from flask import Flask, request, make_response
import sqlite3
from sqlalchemy import text

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    store = {}
    store["k"] = value
    data = store["k"]
    cur = sqlite3.connect("app.db").cursor()
    sql = "SELECT * FROM t ORDER BY " + data
    cur.executemany(sql, [])
    return 'ok'
