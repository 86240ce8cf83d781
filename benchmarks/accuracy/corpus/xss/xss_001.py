import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request):
    value = request.GET.get("q", "")
    data = value.lower() if value else value
    resp = make_response("<p>Hello " + data + "</p>")
    return HttpResponse('ok')
