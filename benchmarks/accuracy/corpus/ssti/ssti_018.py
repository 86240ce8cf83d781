import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = "{}".format(value).strip()
    html = jinja2.Template("Hi {{ n }}").render(n=data)
    return HttpResponse('ok')
