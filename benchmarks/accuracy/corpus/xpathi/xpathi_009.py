from fastapi import FastAPI, Request
from lxml import etree

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    data = "%s" % value
    tree = etree.parse("users.xml")
    nodes = tree.xpath("//user[@name=$name]", name=data)
    return {'ok': True}
