import json

from django.http import HttpResponse
import ast


def handler(request):
    value = request.GET.get("q", "")
    items = []
    items.append(value)
    data = items[0]
    result = eval(data)
    return HttpResponse('ok')
