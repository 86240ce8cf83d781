import json

from django.http import HttpResponse
import ast


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = "{}".format(value).strip()
    result = eval(str(int(data)) + ' + 1')
    return HttpResponse('ok')
