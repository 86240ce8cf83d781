import json

from django.http import HttpResponse
import sqlite3
from sqlalchemy import text


def handler(request):
    value = json.loads(request.body)["q"]
    data = "%s" % value
    rows = engine.connect().execute(text("SELECT * FROM t WHERE a = :a"), {"a": data})
    return HttpResponse('ok')
