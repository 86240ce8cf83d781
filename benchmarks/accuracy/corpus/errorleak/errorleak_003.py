import logging
from flask import Flask

app = Flask(__name__)

@app.route('/run')
def run():
    try:
        return do_work()
    except Exception:
        logging.exception('work failed')
        return 'internal error', 500
