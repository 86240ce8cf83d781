from flask import Flask, request, make_response
import xml.sax
from lxml import etree
import defusedxml.lxml

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    data = "{}".format(value).strip()
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(data, parser)
    return 'ok'
