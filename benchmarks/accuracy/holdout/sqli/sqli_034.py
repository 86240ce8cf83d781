import json

from django.http import HttpResponse
import sqlite3
from sqlalchemy import text


def handler(request):
    value = request.COOKIES.get("q", "")
    items = [value, "safe"]
    data = items[1]
    cur = sqlite3.connect("app.db").cursor()
    cur.execute("DELETE FROM t WHERE id = %s" % data)
    return HttpResponse('ok')
