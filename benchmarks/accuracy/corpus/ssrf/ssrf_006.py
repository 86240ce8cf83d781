import json

from django.http import HttpResponse
import requests
import urllib.request
from urllib.parse import urlparse


def handler(request):
    value = json.loads(request.body)["q"]
    data = " ".join([value])
    body = urllib.request.urlopen(data).read()
    return HttpResponse('ok')
