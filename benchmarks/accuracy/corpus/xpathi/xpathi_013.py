from fastapi import FastAPI, Request
from lxml import etree

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = "%s" % value
    tree = etree.parse("users.xml")
    nodes = tree.xpath("//user[@id=%d]" % int(data))
    return {'ok': True}
