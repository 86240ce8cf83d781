from fastapi import FastAPI, Request
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = "{}".format(value).strip()
    resp = HttpResponse(data, content_type="text/plain")
    return {'ok': True}
