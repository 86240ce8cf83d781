from flask import Flask, request, make_response
from flask import session

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    items = []
    items.append(value)
    data = items[0]
    request.session["user_name"] = data
    return 'ok'
