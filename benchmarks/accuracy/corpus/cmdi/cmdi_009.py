import json

from django.http import HttpResponse
import os
import shlex
import subprocess


def handler(request):
    value = request.GET.get("q", "")
    data = "{}".format(value).strip()
    out = os.popen("nslookup %s" % data).read()
    return HttpResponse('ok')
