from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import format_html

from .models import Profile


def profile_card_preview(request, pk):
    profile = get_object_or_404(Profile, pk=pk)
    bio = request.GET.get("bio", profile.bio)
    body = f"<div class='card'><h2>{profile.pk}</h2><p>{bio}</p></div>"
    return HttpResponse(body)


def profile_card(request, pk):
    profile = get_object_or_404(Profile, pk=pk)
    bio = request.GET.get("bio", profile.bio)
    body = format_html("<div class='card'><h2>{}</h2><p>{}</p></div>", profile.pk, bio)
    return HttpResponse(body)
