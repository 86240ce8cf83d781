from flask import Flask, request, make_response
from lxml import etree

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    data = value
    data = "constant"
    tree = etree.parse("users.xml")
    nodes = tree.xpath("//user[@name='" + data + "']")
    return 'ok'
