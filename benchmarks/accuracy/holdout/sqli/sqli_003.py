from fastapi import FastAPI, Request
import sqlite3
from sqlalchemy import text

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    items = []
    items.append(value)
    data = items[0]
    conn = sqlite3.connect("app.db")
    conn.execute("SELECT * FROM users WHERE name = '" + data + "'")
    return {'ok': True}
