from fastapi import FastAPI, Request
import requests
import urllib.request
from urllib.parse import urlparse

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = "fixed"
    other = value
    body = requests.post(data, json={"a": 1}, timeout=5)
    return {'ok': True}
