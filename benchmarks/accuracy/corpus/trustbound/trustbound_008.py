import json

from django.http import HttpResponse
from flask import session


def handler(request):
    value = json.loads(request.body)["q"]
    items = []
    items.append(value)
    data = items[0]
    request.session["user_name"] = data
    return HttpResponse('ok')
