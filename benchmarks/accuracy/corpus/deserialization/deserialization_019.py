import json

from django.http import HttpResponse
import base64
import json
import pickle
import yaml


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    obj = yaml.load(value, Loader=yaml.SafeLoader)
    return HttpResponse('ok')
