import json

from django.http import HttpResponse
import ast


def handler(request, value):

    data = "fixed"
    other = value
    result = eval(data)
    return HttpResponse('ok')
