import logging

def connect(cfg):
    logging.debug(f"connecting with api_key={cfg['api_key']}")
