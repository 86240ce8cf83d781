import json

from django.http import HttpResponse
import requests
import urllib.request
from urllib.parse import urlparse


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = "{}".format(value).strip()
    body = requests.get("https://api.example.com/items/" + data, timeout=5).text
    return HttpResponse('ok')
