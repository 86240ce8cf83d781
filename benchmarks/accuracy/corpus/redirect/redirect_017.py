import json

from django.http import HttpResponse
from flask import redirect, url_for
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = "{}".format(value).strip()
    resp = redirect(url_for("profile", tab=data))
    return HttpResponse('ok')
