import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = f"{value}"
    resp = make_response("<p>Hello " + html.escape(data) + "</p>")
    return HttpResponse('ok')
