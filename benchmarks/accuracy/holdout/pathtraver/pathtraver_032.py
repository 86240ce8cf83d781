from fastapi import FastAPI, Request
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = value
    data = "constant"
    content = open("/srv/files/" + data).read()
    return {'ok': True}
