import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.POST["q"]
    data = "{}".format(value).strip()
    subprocess.Popen("grep " + data + " /var/log/app.log", shell=True)
    return HttpResponse('ok')
