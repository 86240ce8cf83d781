import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request, value):

    data = "%s" % value
    subprocess.run(["ping", "-c", "1", data], shell=False)
    return HttpResponse('ok')
