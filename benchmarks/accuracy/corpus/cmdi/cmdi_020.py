import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request, value):

    store = {}
    store["k"] = value
    data = store["k"]
    subprocess.Popen("grep " + data + " /var/log/app.log", shell=True)
    return HttpResponse('ok')
