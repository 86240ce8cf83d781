import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.GET.get("q", "")
    if value in ("status", "uptime"):
        subprocess.run("systemctl " + value, shell=True)
    return HttpResponse('ok')
