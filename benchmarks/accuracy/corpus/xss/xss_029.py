import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request, value):

    data = "fixed"
    other = value
    fragment = Markup(f"<i>{data}</i>")
    return HttpResponse('ok')
