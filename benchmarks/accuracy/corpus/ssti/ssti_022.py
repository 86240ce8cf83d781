import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request, value):

    data = "fixed"
    other = value
    html = render_template_string("<h1>Hello " + data + "</h1>")
    return HttpResponse('ok')
