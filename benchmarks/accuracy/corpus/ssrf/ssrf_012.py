from fastapi import FastAPI, Request
import requests
import urllib.request
from urllib.parse import urlparse

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = " ".join([value])
    body = requests.post(data, json={"a": 1}, timeout=5)
    return {'ok': True}
