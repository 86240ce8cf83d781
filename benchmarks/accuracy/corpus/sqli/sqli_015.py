import json

from django.http import HttpResponse
import sqlite3
from sqlalchemy import text


def handler(request):
    value = request.COOKIES.get("q", "")
    rows = engine.connect().execute(text("SELECT * FROM t WHERE a = '%s'" % value))
    return HttpResponse('ok')
