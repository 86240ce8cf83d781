import logging

log = logging.getLogger(__name__)


def login(username, password, cfg):
    # ruleid: secsdlc.python.logging.secret-in-log
    log.info("login %s with %s", username, password)
    # ruleid: secsdlc.python.logging.secret-in-log
    logging.debug(f"api key is {cfg['api_key']}")
    # ok: secsdlc.python.logging.secret-in-log
    log.info("login attempt for %s", username)
    # ok: secsdlc.python.logging.secret-in-log
    log.info("password changed for %s (reset=%s)", username, cfg.password_reset)
