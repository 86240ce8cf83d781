from fastapi import FastAPI, Request
import os
import shlex
import subprocess

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    items = [value, "safe"]
    data = items[1]
    subprocess.Popen("grep " + data + " /var/log/app.log", shell=True)
    return {'ok': True}
