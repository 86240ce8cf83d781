from fastapi import FastAPI, Request
from flask import render_template_string
import jinja2

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = "%s" % value
    html = jinja2.Environment(autoescape=True).from_string("Dear {{ n }}").render(n=data)
    return {'ok': True}
