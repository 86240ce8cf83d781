import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request):
    value = request.GET.get("q", "")
    data = f"{value}"
    fragment = Markup("<i>{}</i>").format(data)
    return HttpResponse('ok')
