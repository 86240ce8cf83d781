from flask import Flask, request, make_response
import sqlite3
from sqlalchemy import text

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "%s" % value
    cur = sqlite3.connect("app.db").cursor()
    sql = "SELECT * FROM t ORDER BY " + data
    cur.executemany(sql, [])
    return 'ok'
