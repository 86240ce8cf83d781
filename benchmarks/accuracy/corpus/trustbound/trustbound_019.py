from fastapi import FastAPI, Request
from flask import session

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = "{}".format(value).strip()
    session["visited"] = True
    last = data
    return {'ok': True}
