from fastapi import FastAPI, Request
import base64
import json
import pickle
import yaml

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    items = []
    items.append(value)
    data = items[0]
    obj = pickle.loads(base64.b64decode(data))
    return {'ok': True}
