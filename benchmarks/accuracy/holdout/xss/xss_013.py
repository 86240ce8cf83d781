import json

from django.http import HttpResponse
import html
from markupsafe import Markup, escape
from django.utils.safestring import mark_safe


def handler(request, value):

    fragment = Markup(f"<i>{value}</i>")
    return HttpResponse('ok')
