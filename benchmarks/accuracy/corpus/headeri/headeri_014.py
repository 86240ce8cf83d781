from fastapi import FastAPI, Request


app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = "{}".format(value).strip()
    resp = HttpResponse("ok")
    resp["X-Count"] = str(int(data))
    return {'ok': True}
