import json

from django.http import HttpResponse
import sqlite3
from sqlalchemy import text


def handler(request):
    value = request.GET.get("q", "")
    data = "{}".format(value).strip()
    cur = sqlite3.connect("app.db").cursor()
    cur.execute(f"SELECT * FROM users WHERE name = '{data}'")
    return HttpResponse('ok')
