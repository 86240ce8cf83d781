from fastapi import FastAPI, Request
from lxml import etree

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    data = " ".join([value])
    root = etree.parse("users.xml").getroot()
    nodes = root.xpath(f"//user[@id='{data}']/email/text()")
    return {'ok': True}
