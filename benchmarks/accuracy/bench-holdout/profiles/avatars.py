from html import escape

from django.http import HttpResponse


def avatar_preview(request):
    url = escape(request.GET.get("src", "/static/avatar.png"), quote=False)
    return HttpResponse(f'<img src="{url}" alt="avatar" width="64">')


def avatar_caption(request):
    caption = escape(request.GET.get("caption", "Your avatar"))
    return HttpResponse(f'<img src="/static/avatar.png" title="{caption}" width="64">')
