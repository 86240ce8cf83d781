import json

from django.http import HttpResponse



def handler(request):
    value = json.loads(request.body)["q"]
    data = value
    data = "constant"
    resp = make_response("ok")
    resp.headers["X-User"] = data
    return HttpResponse('ok')
