import json

from django.http import HttpResponse
import requests
import urllib.request
from urllib.parse import urlparse


def handler(request):
    value = request.POST["q"]
    data = f"{value}"
    body = requests.get("https://api.example.com/search", params={"q": data}, timeout=5).text
    return HttpResponse('ok')
