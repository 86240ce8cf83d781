import json

from django.http import HttpResponse
import requests
import urllib.request
from urllib.parse import urlparse


def handler(request):
    value = request.GET.get("q", "")
    data = "{}".format(value).strip()
    target = "http://" + data + "/status"
    body = requests.get(target, timeout=5).text
    return HttpResponse('ok')
