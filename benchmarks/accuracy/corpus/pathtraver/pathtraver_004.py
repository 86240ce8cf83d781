from fastapi import FastAPI, Request
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = " ".join([value])
    with open(os.path.join("/srv/files", data)) as fh:
        content = fh.read()
    return {'ok': True}
