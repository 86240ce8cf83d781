from fastapi import FastAPI, Request
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = "{}".format(value).strip()
    resp = HttpResponse(f"<div>{data}</div>")
    return {'ok': True}
