from fastapi import FastAPI, Request
import ast

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = value
    data = "constant"
    result = eval(f"2 + {data}")
    return {'ok': True}
