import sqlite3
from flask import Flask, request
from sqlalchemy import text
from django.db.models.expressions import RawSQL

app = Flask(__name__)


@app.route("/users")
def users():
    name = request.args.get("name", "")
    cur = sqlite3.connect("app.db").cursor()
    # ruleid: secsdlc.python.injection.sql-injection
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")
    # ruleid: secsdlc.python.injection.sql-injection
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ok: secsdlc.python.injection.sql-injection
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    # ok: secsdlc.python.injection.sql-injection
    cur.execute("SELECT * FROM users WHERE id = %d" % int(name))
    other = name
    other = "admin"
    # ok: secsdlc.python.injection.sql-injection
    cur.execute("SELECT * FROM users WHERE name = '%s'" % other)
    if name in ("email", "created"):
        # ok: secsdlc.python.injection.sql-injection
        cur.execute("SELECT * FROM users ORDER BY " + name)
    return "ok"


def django_view(request, pk):
    q = request.GET["q"]
    # ruleid: secsdlc.python.injection.sql-injection
    User.objects.raw("SELECT * FROM auth_user WHERE username = '%s'" % q)
    # ruleid: secsdlc.python.injection.sql-injection
    User.objects.annotate(x=RawSQL("SELECT %s" % q, []))
    # ruleid: secsdlc.python.injection.sql-injection
    engine.execute(text("SELECT * FROM t WHERE a = " + pk))
    # ok: secsdlc.python.injection.sql-injection
    User.objects.raw("SELECT * FROM auth_user WHERE username = %s", [q])
    # ok: secsdlc.python.injection.sql-injection
    engine.execute(text("SELECT * FROM t WHERE a = :a"), {"a": q})
