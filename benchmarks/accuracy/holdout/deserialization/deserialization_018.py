from fastapi import FastAPI, Request
import base64
import json
import pickle
import yaml

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = f"{value}"
    obj = yaml.safe_load(data)
    return {'ok': True}
