import json

from django.http import HttpResponse
import ast


def handler(request):
    value = request.POST["q"]
    data = value.lower() if value else value
    exec("x = " + data)
    return HttpResponse('ok')
