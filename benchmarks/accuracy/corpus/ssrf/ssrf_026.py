from fastapi import FastAPI, Request
import requests
import urllib.request
from urllib.parse import urlparse

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    items = [value, "safe"]
    data = items[1]
    body = urllib.request.urlopen(data).read()
    return {'ok': True}
