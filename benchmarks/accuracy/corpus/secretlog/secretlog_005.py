import logging

def connect(cfg):
    logging.debug('connecting to %s', cfg['host'])
