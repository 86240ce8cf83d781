from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import redirect, request, url_for


def login_done():
    target = request.args.get("next", "/")
    # ruleid: secsdlc.python.access-control.open-redirect
    return redirect(target)


def login_done_safe():
    target = request.args.get("next", "/")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={"example.com"}):
        # ok: secsdlc.python.access-control.open-redirect
        return redirect(target)
    # ok: secsdlc.python.access-control.open-redirect
    return redirect(url_for("home", tab=target))


def django_view(request):
    nxt = request.GET["next"]
    # ruleid: secsdlc.python.access-control.open-redirect
    resp = HttpResponseRedirect(nxt)
    if nxt in ("/home", "/profile"):
        # ok: secsdlc.python.access-control.open-redirect
        resp = HttpResponseRedirect(nxt)
    # ok: secsdlc.python.access-control.open-redirect
    return redirect("/home")
