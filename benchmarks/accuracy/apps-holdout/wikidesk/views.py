"""Server-rendered wiki pages."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from . import services
from .models import Page, Revision, Space

logger = logging.getLogger(__name__)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    spaces = request.user.spaces.order_by("name")
    return render(request, "wiki/home.html", {"spaces": spaces})


@require_GET
def search_results(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    pages = Page.objects.filter(title__icontains=query).order_by("-updated")[:50]
    if not pages:
        return HttpResponse("<p class='empty'>No pages match <em>%s</em>.</p>" % query)
    return render(request, "wiki/search.html", {"pages": pages, "query": query})


@require_GET
def tag_results(request: HttpRequest) -> HttpResponse:
    tag = request.GET.get("tag", "").strip()
    pages = Page.objects.filter(tags__contains=[tag]).order_by("-updated")[:50]
    if not pages:
        return HttpResponse(format_html("<p class='empty'>No pages tagged <em>{}</em>.</p>", tag))
    return render(request, "wiki/search.html", {"pages": pages, "query": tag})


@require_GET
def switch_language(request: HttpRequest) -> HttpResponse:
    """Set the interface language, then return to where the user was."""
    language = request.GET.get("language", settings.LANGUAGE_CODE)
    next_url = request.GET.get("next") or "/"
    if "://" in next_url:
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in dict(settings.LANGUAGES):
        response.set_cookie("django_language", language, max_age=365 * 24 * 3600, samesite="Lax")
    return response


@require_GET
def switch_timezone(request: HttpRequest) -> HttpResponse:
    """Set the display time zone, then return to where the user was."""
    zone = request.GET.get("tz", "UTC")
    next_url = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if zone.replace("/", "").replace("_", "").isalpha():
        response.set_cookie("wikidesk_tz", zone, max_age=365 * 24 * 3600, samesite="Lax")
    return response


@login_required
@require_POST
def select_space(request: HttpRequest) -> HttpResponse:
    """Make a space the default for new pages and the sidebar."""
    request.session["space"] = request.POST.get("space", "")
    return redirect("wiki:home")


@login_required
@require_POST
def follow_space(request: HttpRequest) -> HttpResponse:
    """Follow a space the user belongs to; its changes show on the home page."""
    space = get_object_or_404(Space, slug=request.POST.get("space", ""), members=request.user)
    request.session["followed_space"] = space.slug
    return redirect("wiki:home")


@require_GET
def export_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(Page, slug=slug)
    fmt = request.GET.get("format", "pdf")
    if fmt not in settings.EXPORT_FORMATS:
        logger.warning("page %s exported in a format outside the documented list", page.pk)
    output = services.convert_markdown(services.write_markdown(page), fmt)
    return FileResponse(open(output, "rb"), as_attachment=True, filename=f"{page.slug}.{page.pk}")


@require_GET
def export_revision(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = get_object_or_404(Revision, pk=revision_id)
    fmt = request.GET.get("format", "pdf")
    if fmt not in settings.EXPORT_FORMATS:
        return HttpResponseBadRequest("unsupported export format")
    output = services.convert_markdown(services.write_markdown(revision.page), fmt)
    return FileResponse(open(output, "rb"), as_attachment=True, filename=f"revision-{revision.pk}")


@require_GET
def download_attachment(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id)
    name = os.path.normpath(request.GET.get("file", "")).lstrip("/")
    path = os.path.join(settings.ATTACHMENT_ROOT, str(page.pk), name)
    if not os.path.isfile(path):
        raise Http404("no such attachment")
    return FileResponse(open(path, "rb"), as_attachment=True)


@require_GET
def download_export(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id)
    root = (Path(settings.EXPORT_ROOT) / str(page.pk)).resolve()
    target = (root / request.GET.get("file", "")).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        raise Http404("no such export")
    return FileResponse(open(target, "rb"), as_attachment=True)


@require_POST
def report_abuse(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id)
    reason = request.POST.get("reason", "")[:500]
    logger.warning("abuse reported on page %s: %s", page.pk, reason)
    return render(request, "wiki/thanks.html", {"page": page})


@require_POST
def report_broken_link(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id)
    url = request.POST.get("url", "")[:500]
    logger.warning("broken link reported on page %s: %r", page.pk, url)
    return render(request, "wiki/thanks.html", {"page": page})
