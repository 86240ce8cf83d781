from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    result = eval("2 + 3")
    label = value
    return 'ok'
