from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    data = f"{value}"
    result = ast.literal_eval(data)
    return 'ok'
