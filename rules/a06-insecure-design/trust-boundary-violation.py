from flask import request, session


def set_role():
    role = request.form["role"]
    # ruleid: secsdlc.python.design.trust-boundary-violation
    session["role"] = role
    # ruleid: secsdlc.python.design.trust-boundary-violation
    session[request.args["key"]] = "1"
    if role in ("viewer", "editor"):
        # ok: secsdlc.python.design.trust-boundary-violation
        session["role"] = role
    # ok: secsdlc.python.design.trust-boundary-violation
    session["page"] = int(request.args["page"])
    # ok: secsdlc.python.design.trust-boundary-violation
    session["visited"] = True


def django_view(request):
    # ruleid: secsdlc.python.design.trust-boundary-violation
    request.session["name"] = request.GET["name"]
