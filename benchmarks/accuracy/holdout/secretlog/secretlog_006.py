import logging

logger = logging.getLogger('auth')

def reset(user, password_reset):
    logger.info('password changed for %s (reset=%s)', user, password_reset)
