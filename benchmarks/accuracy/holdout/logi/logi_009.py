from flask import Flask, request, make_response
import logging

logger = logging.getLogger(__name__)

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.get_json()["q"]
    logger.info("login attempt for " + value.replace("\n", "").replace("\r", ""))
    return 'ok'
