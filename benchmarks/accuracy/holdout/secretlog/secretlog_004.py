import logging

log = logging.getLogger(__name__)

def login(username, password):
    log.info('login attempt for %s', username)
