from flask import Flask, request, make_response


app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    data = "%s" % value
    resp = HttpResponse("ok")
    resp["X-Count"] = str(int(data))
    return 'ok'
