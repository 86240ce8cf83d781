from fastapi import FastAPI, Request
import logging

logger = logging.getLogger(__name__)

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = "{}".format(value).strip()
    logger.info("login attempt for " + data.replace("\n", "").replace("\r", ""))
    return {'ok': True}
