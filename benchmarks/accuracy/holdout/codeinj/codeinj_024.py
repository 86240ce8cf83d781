from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    data = "{}".format(value).strip()
    if data in ("1+1", "2*3"):
        result = eval(data)
    return 'ok'
