import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request, value):

    data = "%s" % value
    os.system("ping -c 1 " + data)
    return HttpResponse('ok')
