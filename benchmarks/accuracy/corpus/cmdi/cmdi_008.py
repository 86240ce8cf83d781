import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.COOKIES.get("q", "")
    data = " ".join([value])
    subprocess.run(f"ls {data}", shell=True)
    return HttpResponse('ok')
