from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.args.get("q", "")
    store = {}
    store["k"] = value
    data = store["k"]
    exec("x = " + data)
    return 'ok'
