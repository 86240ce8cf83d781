from fastapi import FastAPI, Request


app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = f"{value}"
    resp = make_response("ok")
    resp.headers["X-User"] = data.replace("\r", "").replace("\n", "")
    return {'ok': True}
