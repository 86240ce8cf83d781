from flask import Flask, request, make_response
from flask import session

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.form["q"]
    items = []
    items.append(value)
    data = items[0]
    session[data] = True
    return 'ok'
