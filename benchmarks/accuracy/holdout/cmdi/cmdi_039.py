import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request, value):

    items = [value, "safe"]
    data = items[1]
    out = os.popen("nslookup %s" % data).read()
    return HttpResponse('ok')
