import json

from django.http import HttpResponse
from flask import redirect, url_for
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def handler(request):
    value = request.POST["q"]
    data = value.lower() if value else value
    resp = redirect("//" + data)
    return HttpResponse('ok')
