from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    data = value.lower() if value else value
    result = eval(f"2 + {data}")
    return 'ok'
