import hashlib
import logging
import os

import jinja2
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import Context, Template
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_supported_language_variant
from django.views import View
from django.views.decorators.http import require_POST
from lxml import etree

from . import render as wr
from . import repository
from .forms import ProtectForm, WatchForm
from .models import Page, Revision

log = logging.getLogger(__name__)

ALLOW_LAYOUT_OVERRIDE = False
THEMES = ("light", "dark", "sepia")
FOOTER_TEMPLATE = "<footer>{{ footer_text }} &middot; {{ page.title }} &middot; last edited {{ page.updated|date:'Y-m-d' }}</footer>"
SUBJECT_TEMPLATE = "[{{ site }}] {{ title }} changed"
MW_DUMP = settings.BASE_DIR / "import" / "mediawiki.xml"


def page_detail(request, namespace, slug):
    page = get_object_or_404(Page, namespace=namespace, slug=slug)
    return render(request, "wiki/page.html", {"page": page, "content": mark_safe(wr.to_clean_html(page.body))})


@require_POST
def preview(request):
    text = request.POST.get("body", "")
    html = wr.to_html(text)
    ctx = {"html": mark_safe(html), "words": len(text.split())}
    return render(request, "wiki/preview.html", ctx)


@require_POST
def preview_clean(request):
    text = request.POST.get("body", "")
    html = wr.to_clean_html(text)
    ctx = {"html": mark_safe(html), "words": len(text.split())}
    return render(request, "wiki/preview.html", ctx)


def search(request):
    q = request.GET.get("q", "").strip()
    pages = Page.objects.extra(where=[f"title LIKE '%%{q}%%'"]) if q else Page.objects.none()
    return render(request, "wiki/search.html", {"pages": pages[:50], "q": q})


def search_titles(request):
    q = request.GET.get("q", "").strip()
    pages = Page.objects.extra(where=["title LIKE %s"], params=[f"%{q}%"]) if q else Page.objects.none()
    return render(request, "wiki/search.html", {"pages": pages[:50], "q": q})


def search_miss(request):
    q = request.GET.get("q", "")
    if Page.objects.filter(title__icontains=q).exists():
        return redirect("wiki:search_titles")
    return HttpResponse(f"<p>No pages match <b>{q}</b>. <a href='/new/'>Create it?</a></p>")


def search_miss_v2(request):
    q = request.GET.get("q", "")
    if Page.objects.filter(title__icontains=q).exists():
        return redirect("wiki:search_titles")
    return HttpResponse(format_html("<p>No pages match <b>{}</b>. <a href='/new/'>Create it?</a></p>", q))


def namespace_index(request, namespace):
    pages = Page.objects.raw("SELECT * FROM wiki_page WHERE namespace = '%s' ORDER BY title" % namespace)
    return render(request, "wiki/index.html", {"pages": list(pages), "namespace": namespace})


def namespace_listing(request, namespace):
    pages = Page.objects.raw("SELECT * FROM wiki_page WHERE namespace = %s ORDER BY title", [namespace])
    return render(request, "wiki/index.html", {"pages": list(pages), "namespace": namespace})


class AuthorChangesView(View):
    def get(self, request, *args, **kwargs):
        rows = repository.changes_by(self.kwargs["author"])
        return render(request, "wiki/changes.html", {"rows": rows, "author": self.kwargs["author"]})


class AuthorHistoryView(View):
    def get(self, request, *args, **kwargs):
        rows = repository.changes_by_author(self.kwargs["author"])
        return render(request, "wiki/changes.html", {"rows": rows, "author": self.kwargs["author"]})


class RevisionBadgeView(View):
    template_name = "wiki/revision.html"

    def get(self, request, *args, **kwargs):
        rev = self.request.GET.get("rev", "latest")
        badge = mark_safe(f"<span class='rev'>rev {rev}</span>")
        return render(request, self.template_name, {"badge": badge})


class RevisionInfoView(View):
    def get(self, request, *args, **kwargs):
        rev = self.request.GET.get("rev", "latest")
        badge = f"<span class='rev'>rev {rev}</span>"
        return JsonResponse({"rev": rev, "badge": badge})


@login_required
@require_POST
def layout_preview(request, slug):
    page = get_object_or_404(Page, slug=slug)
    layout = request.POST.get("layout", "")
    html = wr.apply_layout(layout, page=page, content=wr.to_clean_html(page.body))
    return HttpResponse(html)


@login_required
@require_POST
def layout_preview_sandboxed(request, slug):
    page = get_object_or_404(Page, slug=slug)
    layout = request.POST.get("layout", "")
    html = wr.apply_layout_sandboxed(layout, page=page, content=wr.to_clean_html(page.body))
    return HttpResponse(html)


def page_with_layout(request, slug):
    page = get_object_or_404(Page, slug=slug)
    layout = request.GET.get("layout") or wr.DEFAULT_LAYOUT
    return HttpResponse(wr.apply_layout(layout, page=page, content=wr.to_clean_html(page.body)))


def page_with_default_layout(request, slug):
    page = get_object_or_404(Page, slug=slug)
    layout = request.GET.get("layout") if ALLOW_LAYOUT_OVERRIDE else wr.DEFAULT_LAYOUT
    return HttpResponse(wr.apply_layout(layout, page=page, content=wr.to_clean_html(page.body)))


@login_required
def watch(request):
    form = WatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page = get_object_or_404(Page, slug=form.cleaned_data["page"])
        subject_tpl = form.cleaned_data["subject"] or SUBJECT_TEMPLATE
        subject = jinja2.Template(subject_tpl).render(site=settings.WIKI_SITE_NAME, title=page.title)
        messages.success(request, "Watching " + page.title + ": " + subject[:200])
    return render(request, "wiki/watch.html", {"form": form})


@login_required
def watch_v2(request):
    form = WatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page = get_object_or_404(Page, slug=form.cleaned_data["page"])
        label = form.cleaned_data["subject"] or page.title
        subject = jinja2.Template(SUBJECT_TEMPLATE).render(site=settings.WIKI_SITE_NAME, title=label)
        messages.success(request, "Watching " + page.title + ": " + subject)
    return render(request, "wiki/watch.html", {"form": form})


@login_required
@require_POST
def footer_preview(request, slug):
    page = get_object_or_404(Page, slug=slug)
    tpl = request.POST.get("footer", "") or FOOTER_TEMPLATE
    return HttpResponse(Template(tpl).render(Context({"page": page, "settings": settings, "footer_text": ""})))


@login_required
@require_POST
def footer_preview_v2(request, slug):
    page = get_object_or_404(Page, slug=slug)
    text = request.POST.get("footer", "")
    return HttpResponse(Template(FOOTER_TEMPLATE).render(Context({"page": page, "settings": settings, "footer_text": text})))


def attachment_download(request, slug, filename):
    path = os.path.join(settings.ATTACHMENT_ROOT, slug, filename)
    if not os.path.isfile(path):
        raise Http404("no such attachment")
    return FileResponse(open(path, "rb"), as_attachment=True)


def attachment_file(request, slug, filename):
    path = os.path.join(settings.ATTACHMENT_ROOT, slug, filename)
    if not os.path.isfile(path):
        raise Http404("no such attachment")
    return FileResponse(open(path, "rb"), as_attachment=True)


@login_required
@require_POST
def attachment_upload(request, slug):
    upload = request.FILES["file"]
    name = request.POST.get("filename") or upload.name
    folder = os.path.join(settings.ATTACHMENT_ROOT, slug)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return redirect("wiki:page", namespace="main", slug=slug)


@login_required
@require_POST
def attachment_add(request, slug):
    upload = request.FILES["file"]
    name = upload.name
    folder = os.path.join(settings.ATTACHMENT_ROOT, slug)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return redirect("wiki:page", namespace="main", slug=slug)


@require_POST
def set_editor_name(request):
    request.session["editor_name"] = request.POST.get("name", "")
    return redirect("wiki:home")


@require_POST
def set_theme(request):
    theme = request.POST.get("theme", "light")
    request.session["theme"] = theme if theme in THEMES else "light"
    return redirect("wiki:home")


def remember_language(request):
    request.session["wiki_lang"] = request.META.get("HTTP_ACCEPT_LANGUAGE", "en").split(",")[0]
    return redirect("wiki:home")


def choose_language(request):
    wanted = request.GET.get("lang", "en")
    try:
        request.session["wiki_lang"] = get_supported_language_variant(wanted)
    except LookupError:
        request.session["wiki_lang"] = settings.LANGUAGES[0][0]
    return redirect("wiki:home")


def login_done(request):
    target = request.GET.get("next", "/")
    messages.info(request, "Welcome back")
    return redirect(target)


def login_finish(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = "/"
    messages.info(request, "Welcome back")
    return redirect(target)


def _dump():
    return etree.parse(str(MW_DUMP))


def import_lookup(request):
    title = request.GET.get("title", "")
    hits = _dump().xpath(f"//page[title='{title}']/revision/timestamp/text()")
    return JsonResponse({"title": title, "revisions": [str(h) for h in hits]})


def import_lookup_v2(request):
    title = request.GET.get("title", "")
    hits = _dump().xpath("//page[title=$t]/revision/timestamp/text()", t=title)
    return JsonResponse({"title": title, "revisions": [str(h) for h in hits]})


@login_required
def protect_page(request, slug):
    page = get_object_or_404(Page, slug=slug)
    form = ProtectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page.password_hash = hashlib.md5(form.cleaned_data["password"].encode()).hexdigest()
        page.save(update_fields=["password_hash"])
        return redirect("wiki:page", namespace=page.namespace, slug=page.slug)
    return render(request, "wiki/protect.html", {"form": form, "page": page})


@login_required
def protect_page_v2(request, slug):
    page = get_object_or_404(Page, slug=slug)
    form = ProtectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page.password_hash = make_password(form.cleaned_data["password"])
        page.save(update_fields=["password_hash"])
        return redirect("wiki:page", namespace=page.namespace, slug=page.slug)
    return render(request, "wiki/protect.html", {"form": form, "page": page})


def page_raw(request, slug):
    page = get_object_or_404(Page, slug=slug)
    resp = HttpResponse(page.body, content_type="text/plain; charset=utf-8")
    resp["X-Wiki-Title"] = request.GET.get("title", page.title)
    return resp


def recent(request):
    revs = Revision.objects.select_related("page").order_by("-created")[:30]
    return render(request, "wiki/recent.html", {"revisions": revs})
