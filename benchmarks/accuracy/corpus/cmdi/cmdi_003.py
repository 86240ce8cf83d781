from fastapi import FastAPI, Request
import os
import shlex
import subprocess

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    store = {}
    store["k"] = value
    data = store["k"]
    os.system("ping -c 1 " + data)
    return {'ok': True}
