from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "{}".format(value).strip()
    exec("x = " + data)
    return 'ok'
