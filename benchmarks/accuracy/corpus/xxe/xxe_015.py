from fastapi import FastAPI, Request
import xml.sax
from lxml import etree
import defusedxml.lxml

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.headers.get("x-query", "")
    data = "{}".format(value).strip()
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    doc = etree.fromstring(data, parser)
    return {'ok': True}
