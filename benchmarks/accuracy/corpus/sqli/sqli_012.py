import json

from django.http import HttpResponse
import sqlite3
from sqlalchemy import text


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    store = {}
    store["k"] = value
    data = store["k"]
    cur = sqlite3.connect("app.db").cursor()
    cur.execute("DELETE FROM t WHERE id = %s" % data)
    return HttpResponse('ok')
