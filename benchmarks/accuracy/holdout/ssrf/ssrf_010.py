import json

from django.http import HttpResponse
import requests
import urllib.request
from urllib.parse import urlparse


def handler(request, value):

    data = value.lower() if value else value
    body = requests.post(data, json={"a": 1}, timeout=5)
    return HttpResponse('ok')
