import json

from django.http import HttpResponse
import sqlite3
from sqlalchemy import text


def handler(request):
    value = request.COOKIES.get("q", "")
    store = {}
    store["k"] = value
    data = store["k"]
    cur = sqlite3.connect("app.db").cursor()
    cur.execute(f"SELECT * FROM users WHERE name = '{data}'")
    return HttpResponse('ok')
