import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.POST["q"]
    os.system("ping -c 1 %d" % int(value))
    return HttpResponse('ok')
