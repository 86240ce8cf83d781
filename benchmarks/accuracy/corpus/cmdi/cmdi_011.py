from fastapi import FastAPI, Request
import os
import shlex
import subprocess

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = "{}".format(value).strip()
    out = os.popen("nslookup %s" % data).read()
    return {'ok': True}
