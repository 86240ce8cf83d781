import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = "{}".format(value).strip()
    resp = HttpResponse(data, content_type="text/plain")
    return HttpResponse('ok')
