import json

from django.http import HttpResponse
from flask import session


def handler(request):
    value = request.POST["q"]
    data = "{}".format(value).strip()
    if data in ("viewer", "editor"):
        session["role"] = data
    return HttpResponse('ok')
