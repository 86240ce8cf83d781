from fastapi import FastAPI, Request
import requests
import urllib.request
from urllib.parse import urlparse

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    store = {}
    store["k"] = value
    data = store["k"]
    target = "http://" + data + "/status"
    body = requests.get(target, timeout=5).text
    return {'ok': True}
