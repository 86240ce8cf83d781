from fastapi import FastAPI, Request
import sqlite3
from sqlalchemy import text

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = f"{value}"
    cur = sqlite3.connect("app.db").cursor()
    sql = "SELECT * FROM t ORDER BY " + data
    cur.executemany(sql, [])
    return {'ok': True}
