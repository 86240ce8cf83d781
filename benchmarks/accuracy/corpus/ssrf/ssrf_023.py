from fastapi import FastAPI, Request
import requests
import urllib.request
from urllib.parse import urlparse

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = "%s" % value
    body = requests.get("https://api.example.com/search", params={"q": data}, timeout=5).text
    return {'ok': True}
