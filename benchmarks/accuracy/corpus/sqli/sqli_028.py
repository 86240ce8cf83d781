from flask import Flask, request, make_response
import sqlite3
from sqlalchemy import text

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    cur = sqlite3.connect("app.db").cursor()
    cur.execute("SELECT * FROM t WHERE id = %d" % int(value))
    return 'ok'
