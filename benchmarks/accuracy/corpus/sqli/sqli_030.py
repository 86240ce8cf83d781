import json

from django.http import HttpResponse
import sqlite3
from sqlalchemy import text


def handler(request):
    value = request.GET.get("q", "")
    data = "{}".format(value).strip()
    cur = sqlite3.connect("app.db").cursor()
    if data in ("name", "email"):
        cur.execute("SELECT * FROM t ORDER BY " + data)
    return HttpResponse('ok')
