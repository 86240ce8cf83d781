from flask import Flask, request, make_response
import logging

logger = logging.getLogger(__name__)

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.args.get("q", "")
    data = value
    data = "constant"
    logging.warning(f"bad search: {data}")
    return 'ok'
