from fastapi import FastAPI, Request
from flask import render_template_string
import jinja2

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    data = "%s" % value
    html = render_template_string("<h1>Hello " + data + "</h1>")
    return {'ok': True}
