from flask import Flask, request, make_response
from lxml import etree

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.cookies.get("q", "")
    data = "fixed"
    other = value
    root = etree.parse("users.xml").getroot()
    nodes = root.xpath(f"//user[@id='{data}']/email/text()")
    return 'ok'
