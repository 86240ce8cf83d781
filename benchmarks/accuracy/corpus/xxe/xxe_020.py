from flask import Flask, request, make_response
import xml.sax
from lxml import etree
import defusedxml.lxml

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = f"{value}"
    doc = defusedxml.lxml.fromstring(data)
    return 'ok'
