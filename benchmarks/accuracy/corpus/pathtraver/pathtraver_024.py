from fastapi import FastAPI, Request
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    full = os.path.realpath(os.path.join("/srv/files", value))
    if full.startswith("/srv/files/"):
        content = open(full).read()
    return {'ok': True}
