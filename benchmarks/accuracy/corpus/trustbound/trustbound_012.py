from flask import Flask, request, make_response
from flask import session

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    store = {}
    store["k"] = value
    data = store["k"]
    session[data] = True
    return 'ok'
