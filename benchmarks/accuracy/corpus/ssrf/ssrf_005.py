from fastapi import FastAPI, Request
import requests
import urllib.request
from urllib.parse import urlparse

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = "%s" % value
    body = urllib.request.urlopen(data).read()
    return {'ok': True}
