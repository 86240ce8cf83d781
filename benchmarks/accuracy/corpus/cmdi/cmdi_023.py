import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = json.loads(request.body)["q"]
    subprocess.run(["ping", "-c", "1", value], shell=False)
    return HttpResponse('ok')
