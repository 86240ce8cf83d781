from fastapi import FastAPI, Request
import base64
import json
import pickle
import yaml

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = " ".join([value])
    obj = yaml.unsafe_load(data)
    return {'ok': True}
