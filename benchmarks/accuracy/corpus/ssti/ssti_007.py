from fastapi import FastAPI, Request
from flask import render_template_string
import jinja2

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = "{}".format(value).strip()
    html = jinja2.Template(data).render()
    return {'ok': True}
