from fastapi import FastAPI, Request
import xml.sax
from lxml import etree
import defusedxml.lxml

app = FastAPI()


@app.post("/item")
async def handler(request: Request):
    value = (await request.json())["q"]
    data = value
    data = "constant"
    parser = etree.XMLParser(no_network=False, load_dtd=True)
    doc = etree.fromstring(data, parser=parser)
    return {'ok': True}
