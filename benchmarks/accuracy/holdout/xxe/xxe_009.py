from fastapi import FastAPI, Request
import xml.sax
from lxml import etree
import defusedxml.lxml

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = request.query_params["q"]
    parser = etree.XMLParser(no_network=False, load_dtd=True)
    doc = etree.fromstring(value, parser=parser)
    return {'ok': True}
