import json

from django.http import HttpResponse
from flask import session


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = value.lower() if value else value
    session[data] = True
    return HttpResponse('ok')
