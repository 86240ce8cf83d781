import json

from django.http import HttpResponse
import requests
import urllib.request
from urllib.parse import urlparse


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    items = []
    items.append(value)
    data = items[0]
    body = urllib.request.urlopen(data).read()
    return HttpResponse('ok')
