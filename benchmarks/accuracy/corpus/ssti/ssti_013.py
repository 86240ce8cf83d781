import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request):
    value = json.loads(request.body)["q"]
    data = "%s" % value
    html = render_template_string("<h1>Hello {{ name }}</h1>", name=data)
    return HttpResponse('ok')
