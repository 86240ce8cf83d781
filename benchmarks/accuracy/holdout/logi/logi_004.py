from fastapi import FastAPI, Request
import logging

logger = logging.getLogger(__name__)

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = "{}".format(value).strip()
    logger.info("login attempt for " + data)
    return {'ok': True}
