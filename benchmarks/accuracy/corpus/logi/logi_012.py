from flask import Flask, request, make_response
import logging

logger = logging.getLogger(__name__)

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.headers.get("X-Query", "")
    data = f"{value}"
    logger.info("login attempt for %r", repr(data))
    return 'ok'
