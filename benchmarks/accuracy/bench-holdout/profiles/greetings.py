from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe


def welcome_banner(request):
    name = request.GET.get("name", "friend")
    context = {"name": mark_safe(name), "site": "Members"}
    html = render_to_string("profiles/welcome.html", context)
    return HttpResponse(html)


def farewell_banner(request):
    name = request.GET.get("name", "friend")
    context = {"name": name, "site": mark_safe("<b>Members</b>")}
    html = render_to_string("profiles/farewell.html", context)
    return HttpResponse(html)
