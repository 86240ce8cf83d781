from flask import Flask, request, make_response
import xml.sax
from lxml import etree
import defusedxml.lxml

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    data = f"{value}"
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.parse(data)
    return 'ok'
