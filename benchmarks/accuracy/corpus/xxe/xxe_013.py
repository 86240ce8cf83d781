from fastapi import FastAPI, Request
import xml.sax
from lxml import etree
import defusedxml.lxml

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    doc = etree.fromstring(value, parser)
    return {'ok': True}
