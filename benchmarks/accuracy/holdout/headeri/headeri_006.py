import json

from django.http import HttpResponse



def handler(request, value):

    resp = HttpResponse("ok")
    resp["X-Tracking"] = value
    return HttpResponse('ok')
