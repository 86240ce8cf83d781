from fastapi import FastAPI, Request
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    store = {}
    store["k"] = value
    data = store["k"]
    content = Path("/srv/files", data).read_text()
    return {'ok': True}
