from fastapi import FastAPI, Request
import os
import shlex
import subprocess

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = value
    data = "constant"
    subprocess.check_output(["sh", "-c", "echo " + data])
    return {'ok': True}
