import json

from django.http import HttpResponse
from flask import session


def handler(request):
    value = request.COOKIES.get("q", "")
    session["role"] = value
    return HttpResponse('ok')
