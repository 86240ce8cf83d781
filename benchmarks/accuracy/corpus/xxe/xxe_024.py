from flask import Flask, request, make_response
import xml.sax
from lxml import etree
import defusedxml.lxml

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    items = [value, "safe"]
    data = items[1]
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.parse(data)
    return 'ok'
