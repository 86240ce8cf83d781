from flask import Flask, request, make_response


app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = f"{value}"
    resp = make_response("ok")
    resp.headers["X-User"] = data.replace("\r", "").replace("\n", "")
    return 'ok'
