from flask import Flask, request, make_response
import xml.sax
from lxml import etree
import defusedxml.lxml

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    store = {}
    store["k"] = value
    data = store["k"]
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(data, parser)
    return 'ok'
