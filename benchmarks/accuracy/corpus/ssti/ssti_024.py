import json

from django.http import HttpResponse
from flask import render_template_string
import jinja2


def handler(request):
    value = request.GET.get("q", "")
    items = [value, "safe"]
    data = items[1]
    html = jinja2.Environment().from_string(f"Dear {data}").render()
    return HttpResponse('ok')
