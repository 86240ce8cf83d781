from fastapi import FastAPI, Request
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = "fixed"
    other = value
    with open(os.path.join("/srv/files", data)) as fh:
        content = fh.read()
    return {'ok': True}
