from flask import Flask, request, make_response
from flask import session

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.args.get("q", "")
    data = " ".join([value])
    request.session["user_name"] = data
    return 'ok'
