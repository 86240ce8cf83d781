import json

from django.http import HttpResponse
import ast


def handler(request):
    value = request.GET.get("q", "")
    data = f"{value}"
    result = ast.literal_eval(data)
    return HttpResponse('ok')
