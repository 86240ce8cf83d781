import logging

from flask import request

logger = logging.getLogger(__name__)


def login():
    user = request.form["user"]
    # ruleid: secsdlc.python.logging.log-injection
    logger.info("login attempt for " + user)
    # ruleid: secsdlc.python.logging.log-injection
    logging.warning(f"failed login: {user}")
    # ok: secsdlc.python.logging.log-injection
    logger.info("login attempt for " + user.replace("\n", "").replace("\r", ""))
    # ok: secsdlc.python.logging.log-injection
    logger.info("login attempt for %s", repr(user))
    # ok: secsdlc.python.logging.log-injection
    logger.info("login attempt")
