import json

from django.http import HttpResponse
import base64
import json
import pickle
import yaml


def handler(request):
    value = request.COOKIES.get("q", "")
    data = "%s" % value
    obj = yaml.load(data, Loader=yaml.SafeLoader)
    return HttpResponse('ok')
