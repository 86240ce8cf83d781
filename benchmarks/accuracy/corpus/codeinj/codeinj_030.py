import json

from django.http import HttpResponse
import ast


def handler(request):
    value = request.POST["q"]
    data = "fixed"
    other = value
    exec("x = " + data)
    return HttpResponse('ok')
