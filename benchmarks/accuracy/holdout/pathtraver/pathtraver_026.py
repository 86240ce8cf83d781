from fastapi import FastAPI, Request
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = f"{value}"
    if data in ("a.txt", "b.txt"):
        content = open("/srv/files/" + data).read()
    return {'ok': True}
