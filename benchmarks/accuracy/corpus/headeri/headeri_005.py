from flask import Flask, request, make_response


app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    data = f"{value}"
    resp = HttpResponse("ok")
    resp["X-Tracking"] = data
    return 'ok'
