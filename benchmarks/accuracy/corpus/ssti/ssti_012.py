import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request):
    value = request.COOKIES.get("q", "")
    data = value.lower() if value else value
    html = jinja2.Environment().from_string(f"Dear {data}").render()
    return HttpResponse('ok')
