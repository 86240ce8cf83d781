import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request):
    value = json.loads(request.body)["q"]
    data = "{}".format(value).strip()
    resp = make_response("<p>Hello " + data + "</p>")
    return HttpResponse('ok')
