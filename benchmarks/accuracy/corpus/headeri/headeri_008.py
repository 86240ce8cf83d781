import json

from django.http import HttpResponse



def handler(request):
    value = request.POST["q"]
    data = " ".join([value])
    resp = HttpResponse("ok")
    resp["X-Tracking"] = data
    return HttpResponse('ok')
