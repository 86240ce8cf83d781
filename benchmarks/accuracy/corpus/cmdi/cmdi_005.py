import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.POST["q"]
    data = f"{value}"
    subprocess.run(f"ls {data}", shell=True)
    return HttpResponse('ok')
