from django.http import HttpResponse

KNOWN_TAGS = frozenset({"python", "design", "ops", "security", "data"})


def interest_list(request):
    out = "<ul class='tags'>"
    for tag in request.GET.getlist("tag"):
        out += "<li>" + tag.lower() + "</li>"
    out += "</ul>"
    return HttpResponse(out)


def interest_chips(request):
    out = "<ul class='tags'>"
    for tag in request.GET.getlist("tag"):
        if tag.lower() in KNOWN_TAGS:
            out += "<li>" + tag + "</li>"
    out += "</ul>"
    return HttpResponse(out)
