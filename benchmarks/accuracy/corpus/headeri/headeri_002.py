import json

from django.http import HttpResponse



def handler(request):
    value = request.COOKIES.get("q", "")
    data = "{}".format(value).strip()
    resp = make_response("ok")
    resp.headers["X-User"] = data
    return HttpResponse('ok')
