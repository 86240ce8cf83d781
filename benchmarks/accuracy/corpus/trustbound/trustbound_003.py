from fastapi import FastAPI, Request
from flask import session

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    data = f"{value}"
    session["role"] = data
    return {'ok': True}
