import json

from django.http import HttpResponse
import sqlite3
from sqlalchemy import text


def handler(request):
    value = json.loads(request.body)["q"]
    data = " ".join([value])
    conn = sqlite3.connect("app.db")
    conn.execute("SELECT * FROM users WHERE name = '" + data + "'")
    return HttpResponse('ok')
