from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    data = "{}".format(value).strip()
    result = eval(data)
    return 'ok'
