from fastapi import FastAPI, Request
from flask import session

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    store = {}
    store["k"] = value
    data = store["k"]
    session["role"] = data
    return {'ok': True}
