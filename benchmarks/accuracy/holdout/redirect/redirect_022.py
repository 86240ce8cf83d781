import json

from django.http import HttpResponse
from flask import redirect, url_for
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def handler(request):
    value = request.POST["q"]
    data = "fixed"
    other = value
    resp = HttpResponseRedirect(data)
    return HttpResponse('ok')
