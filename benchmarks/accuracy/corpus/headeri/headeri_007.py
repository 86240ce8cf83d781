from fastapi import FastAPI, Request


app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = f"{value}"
    resp = HttpResponse("ok")
    resp["X-Tracking"] = data
    return {'ok': True}
