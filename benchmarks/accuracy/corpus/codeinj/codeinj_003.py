from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    store = {}
    store["k"] = value
    data = store["k"]
    result = eval(data)
    return 'ok'
