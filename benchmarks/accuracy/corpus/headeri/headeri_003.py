import json

from django.http import HttpResponse



def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    items = []
    items.append(value)
    data = items[0]
    resp = make_response("ok")
    resp.headers["X-User"] = data
    return HttpResponse('ok')
