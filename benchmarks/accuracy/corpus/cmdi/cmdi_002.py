import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    items = []
    items.append(value)
    data = items[0]
    os.system("ping -c 1 " + data)
    return HttpResponse('ok')
