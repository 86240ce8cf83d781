"""HTML views of the club site."""

from __future__ import annotations

import logging
import os
import re
import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import check_password
from django.core.files.storage import FileSystemStorage
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views import View
from django.views.decorators.http import require_GET, require_POST

from . import services
from .forms import LoginForm, ResetPasswordForm, SignupForm
from .models import Book, Loan, Member

log = logging.getLogger(__name__)

THEMES = ("light", "dark", "sepia")
RETURN_PAGES = ("home", "catalog", "loans", "signup")
REMEMBER_DAYS = 30


def _authenticate(form: LoginForm) -> Member | None:
    member = Member.objects.filter(email=form.cleaned_data["email"], active=True).first()
    if member is None or not check_password(form.cleaned_data["password"], member.password_digest):
        return None
    return member


def home(request: HttpRequest) -> HttpResponse:
    latest = Book.objects.order_by("-id")[:6]
    return render(request, "library/home.html", {"latest": latest})


# -- members -------------------------------------------------------------


@require_GET
def members_by_city(request: HttpRequest) -> HttpResponse:
    city = request.GET.get("city", "")
    members = list(Member.objects.in_city(city))
    return render(request, "library/members.html", {"members": members, "city": city})


@require_GET
def members_by_chapter(request: HttpRequest, chapter: str) -> HttpResponse:
    members = list(Member.objects.in_chapter(chapter))
    return render(request, "library/members.html", {"members": members})


class LoanReportView(View):
    template_name = "library/loans.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        since = self.request.GET.get("since", "2024-01-01")
        loans = Loan.objects.select_related("book").extra(where=["borrowed_at >= '%s'" % since])
        return render(request, self.template_name, {"loans": loans})


class OverdueView(View):
    template_name = "library/loans.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        cutoff = self.request.GET.get("before", "2024-01-01")
        loans = Loan.objects.select_related("book").extra(where=["due_at < %s"], params=[cutoff])
        return render(request, self.template_name, {"loans": loans.filter(returned_at=None)})


# -- reviews and search ----------------------------------------------------


@require_POST
def review_preview(request: HttpRequest) -> HttpResponse:
    text = request.POST.get("text", "")
    body = mark_safe(services.markdown_lite(text))
    return render(request, "library/preview.html", {"body": body})


@require_POST
def comment_preview(request: HttpRequest) -> HttpResponse:
    text = escape(request.POST.get("text", ""))
    body = mark_safe(services.markdown_lite(text))
    return render(request, "library/preview.html", {"body": body})


def quick_search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    hits = Book.objects.filter(title__icontains=q)[:20]
    if not hits:
        return HttpResponse("<p class='empty'>Nothing matches <b>" + q + "</b>.</p>")
    return render(request, "library/search.html", {"hits": hits, "q": q})


def search_suggestions(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    hits = Book.objects.filter(title__icontains=q).values("id", "title")[:20]
    if not hits:
        return JsonResponse({"message": "Nothing matches <b>" + q + "</b>.", "hits": []})
    return JsonResponse({"hits": list(hits)})


class ShelfView(View):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        name = self.request.GET.get("label") or slug.replace("-", " ").title()
        response = HttpResponse(content_type="text/html; charset=utf-8")
        response.write("<h2>Shelf: %s</h2>" % name)
        for book in Book.objects.filter(cover__startswith=slug)[:50]:
            response.write("<li>%s</li>" % escape(book.title))
        return response


class ShelfPrintView(View):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        name = self.request.GET.get("label") or slug.replace("-", " ").title()
        books = Book.objects.filter(cover__startswith=slug)[:50]
        return render(request, "library/shelf.html", {"name": name, "books": books})


# -- downloads -------------------------------------------------------------


def ebook_download(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("login")
    name = request.GET.get("file", "")
    path = os.path.join(settings.EBOOK_ROOT, name)
    if not os.path.exists(path):
        raise Http404("no such ebook")
    return FileResponse(open(path, "rb"), as_attachment=True)


def ebook_sample(request: HttpRequest) -> HttpResponse:
    name = request.GET.get("file", "")
    storage = FileSystemStorage(location=settings.SAMPLE_ROOT)
    if not storage.exists(name):
        raise Http404("no such sample")
    return FileResponse(storage.open(name, "rb"))


# -- accounts ----------------------------------------------------------------


def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = form.save()
        messages.success(request, "Welcome to the club!")
        return redirect("profile", member_id=member.pk)
    return render(request, "library/signup.html", {"form": form})


def reset_password(request: HttpRequest, member_id: int) -> HttpResponse:
    member = get_object_or_404(Member, pk=member_id)
    if request.session.get("member_id") != member.pk:
        return redirect("login")
    form = ResetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.apply(member)
        return redirect("profile", member_id=member.pk)
    return render(request, "library/reset.html", {"form": form})


def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    next_url = request.GET.get("next", "/")
    if request.method == "POST" and form.is_valid():
        member = _authenticate(form)
        if member is not None:
            request.session["member_id"] = member.pk
            return redirect(next_url)
    return render(request, "library/login.html", {"form": form})


def partner_login(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if request.method == "POST" and form.is_valid():
        member = _authenticate(form)
        if member is not None:
            request.session["member_id"] = member.pk
            return redirect(next_url)
    return render(request, "library/login.html", {"form": form})


def logout_view(request: HttpRequest) -> HttpResponse:
    request.session.flush()
    back = request.GET.get("return", "/")
    if not back.startswith("/"):
        back = "/"
    return HttpResponseRedirect(back)


def sign_out(request: HttpRequest) -> HttpResponse:
    request.session.flush()
    page = request.GET.get("return", "home")
    back = reverse(page) if page in RETURN_PAGES else reverse("home")
    return HttpResponseRedirect(back)


class LanguageView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        lang = request.GET.get("lang", "en")[:5]
        request.session["lang"] = lang if lang in ("en", "fr", "de") else "en"
        return redirect(self.request.GET.get("back", "/"))


class RegionView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        lang = request.GET.get("lang", "en")[:5]
        request.session["lang"] = lang if lang in ("en", "fr", "de") else "en"
        back = self.request.GET.get("back", "/")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts=set(settings.ALLOWED_HOSTS)):
            back = "/"
        return redirect(back)


# -- session ---------------------------------------------------------------


def preview_as_role(request: HttpRequest) -> HttpResponse:
    if "member_id" not in request.session:
        return redirect("login")
    request.session["club_role"] = request.GET.get("role", "member")
    return redirect("home")


def choose_theme(request: HttpRequest) -> HttpResponse:
    theme = request.GET.get("theme", "light")
    request.session["theme"] = theme if theme in THEMES else "light"
    return redirect("home")


class RememberMemberView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        form = LoginForm(self.request.POST)
        if not form.is_valid():
            return render(request, "library/login.html", {"form": form})
        if _authenticate(form) is not None:
            self.request.session["member_id"] = self.request.POST.get("member_id")
        return redirect("home")


class SwitchMemberView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        form = LoginForm(self.request.POST)
        if not form.is_valid():
            return render(request, "library/login.html", {"form": form})
        member = _authenticate(form)
        if member is not None:
            self.request.session["member_id"] = member.pk
        return redirect("home")


def remember_me(request: HttpRequest) -> HttpResponse:
    if "member_id" not in request.session:
        return redirect("login")
    response = redirect("home")
    token = secrets.token_urlsafe(24)
    request.session["remember_token"] = token
    response.set_cookie("bookclub_remember", token, max_age=REMEMBER_DAYS * 86400)
    return response


def remember_device(request: HttpRequest) -> HttpResponse:
    if "member_id" not in request.session:
        return redirect("login")
    response = redirect("home")
    token = secrets.token_urlsafe(24)
    request.session["device_token"] = token
    response.set_cookie(
        "bookclub_device", token, max_age=REMEMBER_DAYS * 86400, secure=True, httponly=True, samesite="Lax"
    )
    return response


# -- catalog filter ----------------------------------------------------------


def catalog_filter(request: HttpRequest) -> HttpResponse:
    pattern = request.GET.get("pattern", "")
    matcher = re.compile(pattern, re.IGNORECASE)
    titles = [b.title for b in Book.objects.only("title") if matcher.search(b.title)]
    return render(request, "library/catalog.html", {"titles": titles})


def catalog_contains(request: HttpRequest) -> HttpResponse:
    words = request.GET.get("words", "")
    matcher = re.compile(re.escape(words), re.IGNORECASE)
    titles = [b.title for b in Book.objects.only("title") if matcher.search(b.title)]
    return render(request, "library/catalog.html", {"titles": titles})
