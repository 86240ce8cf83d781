from flask import Flask, request, make_response


app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.cookies.get("q", "")
    data = value
    data = "constant"
    resp = make_response("ok")
    resp.headers["X-User"] = data
    return 'ok'
