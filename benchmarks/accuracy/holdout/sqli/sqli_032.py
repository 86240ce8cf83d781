from fastapi import FastAPI, Request
import sqlite3
from sqlalchemy import text

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = "%s" % value
    cur = sqlite3.connect("app.db").cursor()
    if data in ("name", "email"):
        cur.execute("SELECT * FROM t ORDER BY " + data)
    return {'ok': True}
