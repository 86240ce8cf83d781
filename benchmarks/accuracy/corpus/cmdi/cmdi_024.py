import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.POST["q"]
    subprocess.run("ping -c 1 " + shlex.quote(value), shell=True)
    return HttpResponse('ok')
