import json

from django.http import HttpResponse
import requests
import urllib.request
from urllib.parse import urlparse


def handler(request):
    value = json.loads(request.body)["q"]
    data = "{}".format(value).strip()
    body = requests.get(data, timeout=5).text
    return HttpResponse('ok')
