import json

from django.http import HttpResponse
import sqlite3
from sqlalchemy import text


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    items = [value, "safe"]
    data = items[1]
    cur = sqlite3.connect("app.db").cursor()
    sql = "SELECT * FROM t ORDER BY " + data
    cur.executemany(sql, [])
    return HttpResponse('ok')
