import json

from django.http import HttpResponse
import base64
import json
import pickle
import yaml


def handler(request, value):

    data = value
    data = "constant"
    obj = yaml.unsafe_load(data)
    return HttpResponse('ok')
