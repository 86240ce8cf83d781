from fastapi import FastAPI, Request
import ast

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    items = []
    items.append(value)
    data = items[0]
    code = compile(data, "<input>", "exec")
    return {'ok': True}
