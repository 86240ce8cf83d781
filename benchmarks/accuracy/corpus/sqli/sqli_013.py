from flask import Flask, request, make_response
import sqlite3
from sqlalchemy import text

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    items = []
    items.append(value)
    data = items[0]
    rows = engine.connect().execute(text("SELECT * FROM t WHERE a = '%s'" % data))
    return 'ok'
