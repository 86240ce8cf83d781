from fastapi import FastAPI, Request
import ast

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = " ".join([value])
    result = eval(f"2 + {data}")
    return {'ok': True}
