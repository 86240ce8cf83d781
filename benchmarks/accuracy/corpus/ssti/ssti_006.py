import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request):
    value = request.POST["q"]
    data = " ".join([value])
    html = jinja2.Template(data).render()
    return HttpResponse('ok')
