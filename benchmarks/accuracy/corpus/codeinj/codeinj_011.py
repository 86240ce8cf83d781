from flask import Flask, request, make_response
import ast

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "%s" % value
    code = compile(data, "<input>", "exec")
    return 'ok'
