import json

from django.http import HttpResponse
from flask import session


def handler(request):
    value = json.loads(request.body)["q"]
    session["visited"] = True
    last = value
    return HttpResponse('ok')
