import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request, value):

    data = f"{value}"
    subprocess.run("ping -c 1 " + shlex.quote(data), shell=True)
    return HttpResponse('ok')
