import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request, value):

    data = f"{value}"
    resp = HttpResponse(f"<div>{escape(data)}</div>")
    return HttpResponse('ok')
