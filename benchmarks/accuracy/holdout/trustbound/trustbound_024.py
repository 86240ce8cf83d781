import json

from django.http import HttpResponse
from flask import session


def handler(request):
    value = request.POST["q"]
    items = [value, "safe"]
    data = items[1]
    request.session["user_name"] = data
    return HttpResponse('ok')
