from fastapi import FastAPI, Request
from flask import session

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    store = {}
    store["k"] = value
    data = store["k"]
    request.session["user_name"] = data
    return {'ok': True}
