from fastapi import FastAPI, Request
import ast

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = f"{value}"
    result = ast.literal_eval(data)
    return {'ok': True}
