from fastapi import FastAPI, Request
import requests
import urllib.request
from urllib.parse import urlparse

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = f"{value}"
    body = requests.get("https://api.example.com/search", params={"q": data}, timeout=5).text
    return {'ok': True}
