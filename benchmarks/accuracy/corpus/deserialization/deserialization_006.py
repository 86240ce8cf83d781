import json

from django.http import HttpResponse
import base64
import json
import pickle
import yaml


def handler(request):
    value = request.GET.get("q", "")
    data = "{}".format(value).strip()
    obj = yaml.load(data, Loader=yaml.Loader)
    return HttpResponse('ok')
