import json

from django.http import HttpResponse
import base64
import json
import pickle
import yaml


def handler(request, value):

    obj = yaml.unsafe_load(value)
    return HttpResponse('ok')
