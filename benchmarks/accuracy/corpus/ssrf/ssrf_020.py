from fastapi import FastAPI, Request
import requests
import urllib.request
from urllib.parse import urlparse

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = f"{value}"
    if urlparse(data).hostname in {"api.example.com"}:
        body = requests.get(data, timeout=5).text
    return {'ok': True}
