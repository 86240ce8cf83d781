from fastapi import FastAPI, Request
from flask import session

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    session["page"] = int(value)
    return {'ok': True}
