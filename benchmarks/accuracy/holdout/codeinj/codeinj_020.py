import json

from django.http import HttpResponse
import ast


def handler(request):
    value = request.COOKIES.get("q", "")
    data = "%s" % value
    result = eval(str(int(data)) + ' + 1')
    return HttpResponse('ok')
