from flask import Flask, request, make_response
from lxml import etree

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    tree = etree.parse("users.xml")
    nodes = tree.xpath("//user[@name='" + value + "']")
    return 'ok'
