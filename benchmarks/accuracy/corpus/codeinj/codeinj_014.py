import json

from django.http import HttpResponse
import ast


def handler(request):
    value = request.COOKIES.get("q", "")
    data = value.lower() if value else value
    result = eval(f"2 + {data}")
    return HttpResponse('ok')
