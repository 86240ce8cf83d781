from fastapi import FastAPI, Request
import ast

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = "%s" % value
    result = eval(f"2 + {data}")
    return {'ok': True}
