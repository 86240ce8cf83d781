from flask import Flask, request, make_response
from flask import session

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    items = [value, "safe"]
    data = items[1]
    session["role"] = data
    return 'ok'
