import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    store = {}
    store["k"] = value
    data = store["k"]
    html = render_template_string("<h1>Hello " + data + "</h1>")
    return HttpResponse('ok')
