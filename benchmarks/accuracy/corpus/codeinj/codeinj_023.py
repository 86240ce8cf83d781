from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = f"{value}"
    if data in ("1+1", "2*3"):
        result = eval(data)
    return 'ok'
