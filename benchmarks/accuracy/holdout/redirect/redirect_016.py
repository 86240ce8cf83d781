from fastapi import FastAPI, Request
from flask import redirect, url_for
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    resp = redirect(url_for("profile", tab=value))
    return {'ok': True}
