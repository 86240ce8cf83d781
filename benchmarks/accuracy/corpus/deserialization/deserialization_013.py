import json

from django.http import HttpResponse
import base64
import json
import pickle
import yaml


def handler(request):
    value = request.POST["q"]
    data = f"{value}"
    obj = json.loads(data)
    return HttpResponse('ok')
