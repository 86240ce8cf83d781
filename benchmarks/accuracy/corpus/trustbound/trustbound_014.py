import json

from django.http import HttpResponse
from flask import session


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    if value in ("viewer", "editor"):
        session["role"] = value
    return HttpResponse('ok')
