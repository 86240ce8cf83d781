from fastapi import FastAPI, Request
import os
from pathlib import Path
from werkzeug.utils import secure_filename

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = f"{value}"
    os.remove(os.path.join("/srv/uploads", data))
    return {'ok': True}
