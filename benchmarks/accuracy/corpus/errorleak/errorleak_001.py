import traceback
from flask import Flask

app = Flask(__name__)

@app.route('/run')
def run():
    try:
        return do_work()
    except Exception:
        return traceback.format_exc(), 500
