import json

from django.http import HttpResponse
import requests
import urllib.request
from urllib.parse import urlparse


def handler(request):
    value = request.COOKIES.get("q", "")
    items = []
    items.append(value)
    data = items[0]
    target = "http://" + data + "/status"
    body = requests.get(target, timeout=5).text
    return HttpResponse('ok')
