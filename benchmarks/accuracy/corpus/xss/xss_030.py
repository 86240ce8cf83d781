from fastapi import FastAPI, Request
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = value
    data = "constant"
    fragment = Markup(f"<i>{data}</i>")
    return {'ok': True}
