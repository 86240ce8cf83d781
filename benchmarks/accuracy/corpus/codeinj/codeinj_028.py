from fastapi import FastAPI, Request
import ast

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    data = f"{value}"
    result = eval("2 + 3")
    label = data
    return {'ok': True}
