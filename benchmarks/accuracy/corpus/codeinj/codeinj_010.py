import json

from django.http import HttpResponse
import ast


def handler(request):
    value = json.loads(request.body)["q"]
    data = f"{value}"
    code = compile(data, "<input>", "exec")
    return HttpResponse('ok')
