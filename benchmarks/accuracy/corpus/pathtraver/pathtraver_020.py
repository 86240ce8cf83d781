from fastapi import FastAPI, Request
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    data = f"{value}"
    content = open("/srv/files/" + secure_filename(data)).read()
    return {'ok': True}
