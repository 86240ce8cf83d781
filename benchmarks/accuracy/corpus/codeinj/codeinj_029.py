from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    items = [value, "safe"]
    data = items[1]
    exec("x = " + data)
    return 'ok'
