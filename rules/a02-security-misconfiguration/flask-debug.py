import os

from flask import Flask

app = Flask(__name__)
# ruleid: secsdlc.python.misconfiguration.flask-debug
app.debug = True
# ok: secsdlc.python.misconfiguration.flask-debug
app.debug = False
# ruleid: secsdlc.python.misconfiguration.flask-debug
app.run(host="0.0.0.0", debug=True)
# ok: secsdlc.python.misconfiguration.flask-debug
app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
