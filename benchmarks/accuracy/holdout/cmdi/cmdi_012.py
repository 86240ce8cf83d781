import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.COOKIES.get("q", "")
    data = f"{value}"
    out = os.popen("nslookup %s" % data).read()
    return HttpResponse('ok')
