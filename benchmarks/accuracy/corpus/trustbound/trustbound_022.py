import json

from django.http import HttpResponse
from flask import session


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    items = [value, "safe"]
    data = items[1]
    session["role"] = data
    return HttpResponse('ok')
