from flask import Flask, request, make_response
import logging

logger = logging.getLogger(__name__)

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    data = value.lower() if value else value
    logging.warning(f"bad search: {data}")
    return 'ok'
