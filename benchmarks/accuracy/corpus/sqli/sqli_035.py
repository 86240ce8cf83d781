from fastapi import FastAPI, Request
import sqlite3
from sqlalchemy import text

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    items = [value, "safe"]
    data = items[1]
    rows = engine.connect().execute(text("SELECT * FROM t WHERE a = '%s'" % data))
    return {'ok': True}
