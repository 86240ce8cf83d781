import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    store = {}
    store["k"] = value
    data = store["k"]
    subprocess.run(f"ls {data}", shell=True)
    return HttpResponse('ok')
