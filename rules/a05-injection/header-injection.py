from flask import make_response, request


def set_header():
    value = request.args.get("v", "")
    resp = make_response("ok")
    # ruleid: secsdlc.python.injection.header-injection
    resp.headers["X-Value"] = value
    # ruleid: secsdlc.python.injection.header-injection
    resp.headers.add("X-Other", "prefix-" + value)
    # ok: secsdlc.python.injection.header-injection
    resp.headers["X-Value"] = value.replace("\r", "").replace("\n", "")
    # ok: secsdlc.python.injection.header-injection
    resp.headers["X-Static"] = "static"
    return resp


def django_view(request):
    response = HttpResponse("ok")
    # ruleid: secsdlc.python.injection.header-injection
    response["X-Tracking"] = request.GET["t"]
    # ok: secsdlc.python.injection.header-injection
    response["X-Count"] = str(int(request.GET["n"]))
    return response
