from fastapi import FastAPI, Request
import xml.sax
from lxml import etree
import defusedxml.lxml

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = value
    data = "constant"
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.parse(data)
    return {'ok': True}
