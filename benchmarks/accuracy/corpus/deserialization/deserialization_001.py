from fastapi import FastAPI, Request
import base64
import json
import pickle
import yaml

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = " ".join([value])
    obj = pickle.loads(base64.b64decode(data))
    return {'ok': True}
