from fastapi import FastAPI, Request
import logging

logger = logging.getLogger(__name__)

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    data = value.lower() if value else value
    logger.info("login attempt for " + data)
    return {'ok': True}
