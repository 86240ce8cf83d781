import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request):
    value = request.COOKIES.get("q", "")
    data = " ".join([value])
    resp = HttpResponse(f"<div>{data}</div>")
    return HttpResponse('ok')
