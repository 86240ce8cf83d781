import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request):
    value = request.COOKIES.get("q", "")
    html = jinja2.Template(value).render()
    return HttpResponse('ok')
