from fastapi import FastAPI, Request
import ast

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    items = []
    items.append(value)
    data = items[0]
    result = eval(data)
    return {'ok': True}
