import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = json.loads(request.body)["q"]
    data = f"{value}"
    subprocess.check_output(["sh", "-c", "echo " + data])
    return HttpResponse('ok')
