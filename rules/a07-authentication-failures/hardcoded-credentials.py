import os

import psycopg2

# ruleid: secsdlc.python.auth.hardcoded-credentials
SECRET_KEY = "django-insecure-8f#2k!x9q0z"
# ok: secsdlc.python.auth.hardcoded-credentials
SECRET_KEY = os.environ["SECRET_KEY"]
# ruleid: secsdlc.python.auth.hardcoded-credentials
conn = psycopg2.connect(host="db", user="app", password="S3cr3t-Pa55")
# ok: secsdlc.python.auth.hardcoded-credentials
conn = psycopg2.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])
# ok: secsdlc.python.auth.hardcoded-credentials
PASSWORD_FIELD = "password"
# ok: secsdlc.python.auth.hardcoded-credentials
db_password = ""
# ruleid: secsdlc.python.auth.hardcoded-credentials
app.config["SECRET_KEY"] = "dev-key-123456"


# ok: secsdlc.python.auth.hardcoded-credentials
SECRET_KEY_INSECURE_PREFIX = "django-insecure-"
# ok: secsdlc.python.auth.hardcoded-credentials
set_password = 'ALTER USER %(user)s IDENTIFIED BY "%(password)s"'
# ruleid: secsdlc.python.auth.hardcoded-credentials
DB_PASSWORD = "Tr0ub4dor&3-prod"
