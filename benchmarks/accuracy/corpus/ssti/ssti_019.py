import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request, value):

    data = f"{value}"
    html = jinja2.Environment(autoescape=True).from_string("Dear {{ n }}").render(n=data)
    return HttpResponse('ok')
