import json

from django.http import HttpResponse
import ast


def handler(request):
    value = json.loads(request.body)["q"]
    data = f"{value}"
    result = eval(str(int(data)) + ' + 1')
    return HttpResponse('ok')
