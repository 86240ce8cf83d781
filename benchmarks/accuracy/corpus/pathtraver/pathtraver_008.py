from fastapi import FastAPI, Request
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    store = {}
    store["k"] = value
    data = store["k"]
    content = open("/srv/files/" + data).read()
    return {'ok': True}
