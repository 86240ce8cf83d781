import json

from django.http import HttpResponse
from flask import session


def handler(request, value):

    data = f"{value}"
    if data in ("viewer", "editor"):
        session["role"] = data
    return HttpResponse('ok')
