import logging

def sync(items):
    for item in items:
        try:
            push(item)
        except Exception:
            logging.exception('push failed')
            continue
