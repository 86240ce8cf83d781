from flask import Flask, request, make_response
from lxml import etree

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    data = f"{value}"
    tree = etree.parse("users.xml")
    nodes = tree.xpath("//user[@name=$name]", name=data)
    return 'ok'
