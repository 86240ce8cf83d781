from fastapi import FastAPI, Request


app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = value.lower() if value else value
    resp = make_response("ok")
    resp.headers["X-User"] = data
    return {'ok': True}
