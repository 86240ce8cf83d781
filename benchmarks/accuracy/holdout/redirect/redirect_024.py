from fastapi import FastAPI, Request
from flask import redirect, url_for
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = "fixed"
    other = value
    resp = redirect("//" + data)
    return {'ok': True}
