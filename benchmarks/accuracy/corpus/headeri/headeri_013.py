import json

from django.http import HttpResponse



def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = f"{value}"
    resp = HttpResponse("ok")
    resp["X-Count"] = str(int(data))
    return HttpResponse('ok')
