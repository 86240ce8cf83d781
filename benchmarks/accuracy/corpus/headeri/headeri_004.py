import json

from django.http import HttpResponse



def handler(request):
    value = json.loads(request.body)["q"]
    data = f"{value}"
    resp = make_response("ok")
    resp.headers["X-User"] = data
    return HttpResponse('ok')
