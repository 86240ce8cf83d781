import logging

logger = logging.getLogger('auth')

def issue(user, token):
    logger.warning('issued token ' + token + ' to ' + user)
