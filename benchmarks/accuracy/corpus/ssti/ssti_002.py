import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request, value):

    html = render_template_string("<h1>Hello " + value + "</h1>")
    return HttpResponse('ok')
