from fastapi import FastAPI, Request
from flask import redirect, url_for
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = value
    data = "constant"
    resp = redirect("//" + data)
    return {'ok': True}
