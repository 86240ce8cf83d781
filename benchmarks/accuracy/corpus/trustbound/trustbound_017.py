import json

from django.http import HttpResponse
from flask import session


def handler(request):
    value = request.COOKIES.get("q", "")
    data = f"{value}"
    session["page"] = int(data)
    return HttpResponse('ok')
