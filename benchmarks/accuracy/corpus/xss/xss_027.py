import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request):
    value = request.COOKIES.get("q", "")
    data = f"{value}"
    resp = HttpResponse(data, content_type="text/plain")
    return HttpResponse('ok')
