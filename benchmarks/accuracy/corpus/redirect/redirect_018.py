import json

from django.http import HttpResponse
from flask import redirect, url_for
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def handler(request):
    value = request.GET.get("q", "")
    data = f"{value}"
    resp = redirect(url_for("profile", tab=data))
    return HttpResponse('ok')
