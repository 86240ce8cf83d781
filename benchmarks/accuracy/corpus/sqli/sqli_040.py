from fastapi import FastAPI, Request
import sqlite3
from sqlalchemy import text

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    items = [value, "safe"]
    data = items[1]
    cur = sqlite3.connect("app.db").cursor()
    cur.execute("DELETE FROM t WHERE id = %s" % data)
    return {'ok': True}
