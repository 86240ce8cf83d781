from fastapi import FastAPI, Request
import xml.sax
from lxml import etree
import defusedxml.lxml

app = FastAPI()


@app.get("/item")
async def handler(value: str):

    data = f"{value}"
    doc = defusedxml.lxml.fromstring(data)
    return {'ok': True}
