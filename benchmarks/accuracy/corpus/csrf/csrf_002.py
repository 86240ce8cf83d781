from flask import Flask
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)

@csrf.exempt
@app.route('/pay', methods=['POST'])
def pay():
    return 'ok'
