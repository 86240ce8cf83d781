from flask import Flask, request, make_response
from flask import session

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.cookies.get("q", "")
    data = "{}".format(value).strip()
    session["visited"] = True
    last = data
    return 'ok'
