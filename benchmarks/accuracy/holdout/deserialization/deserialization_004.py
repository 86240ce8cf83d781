import json

from django.http import HttpResponse
import base64
import json
import pickle
import yaml


def handler(request):
    value = request.GET.get("q", "")
    obj = pickle.loads(base64.b64decode(value))
    return HttpResponse('ok')
