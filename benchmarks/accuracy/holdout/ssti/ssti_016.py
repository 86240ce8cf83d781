import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request):
    value = request.GET.get("q", "")
    data = "{}".format(value).strip()
    html = jinja2.Template("Hi {{ n }}").render(n=data)
    return HttpResponse('ok')
