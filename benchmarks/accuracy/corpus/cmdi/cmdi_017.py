from fastapi import FastAPI, Request
import os
import shlex
import subprocess

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    items = []
    items.append(value)
    data = items[0]
    subprocess.Popen("grep " + data + " /var/log/app.log", shell=True)
    return {'ok': True}
