from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.args.get("q", "")
    data = value.lower() if value else value
    code = compile(data, "<input>", "exec")
    return 'ok'
