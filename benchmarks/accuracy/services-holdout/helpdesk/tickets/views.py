"""Agent console views."""
from __future__ import annotations

import hashlib
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from jinja2 import Environment

from .forms import FeedbackForm, QueueFilterForm, SearchForm, SurveyForm
from .models import Attachment, Ticket

logger = logging.getLogger("helpdesk.tickets")
User = get_user_model()
macro_env = Environment(autoescape=True)

CANNED_REPLIES = {
    "ack": "Hi {{ name }}, we received your request and will get back to you shortly.",
    "closing": "Hi {{ name }}, we are closing this ticket. Reply to reopen it.",
    "waiting": "Hi {{ name }}, we are waiting for more information from you.",
}


@login_required
def ticket_search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    tickets = []
    if form.is_valid():
        tickets = list(Ticket.objects.search_subject(form.cleaned_data["q"]))
    return render(request, "tickets/list.html", {"form": form, "tickets": tickets})


@login_required
def ticket_search_by_queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET)
    tickets = []
    if form.is_valid():
        tickets = list(Ticket.objects.in_queue(form.cleaned_data["queue"]))
    return render(request, "tickets/list.html", {"form": form, "tickets": tickets})


class TicketListView(ListView):
    template_name = "tickets/list.html"
    paginate_by = 50

    def get_queryset(self):
        level = self.request.GET.get("min_priority", "1")
        tickets = Ticket.objects.open()
        tickets = tickets.extra(where=[f"priority >= {level}"])
        return tickets.order_by("-created_at")


class EscalatedListView(ListView):
    template_name = "tickets/list.html"
    paginate_by = 50

    def get_queryset(self):
        level = self.request.GET.get("min_priority", "4")
        tickets = Ticket.objects.open()
        tickets = tickets.extra(where=["priority >= %s"], params=[level])
        return tickets.order_by("-created_at")


class TicketDetailView(DetailView):
    template_name = "tickets/detail.html"
    context_object_name = "ticket"

    def get_queryset(self):
        return Ticket.objects.select_related("queue").filter(queue__team=self.kwargs["team"])


@login_required
def ticket_preview(request: HttpRequest) -> HttpResponse:
    body = request.POST.get("body", "")
    html = "<div class='preview'>" + body.replace("\n", "<br>") + "</div>"
    return HttpResponse(html)


@login_required
def reply_preview(request: HttpRequest) -> HttpResponse:
    body = request.POST.get("body", "")
    html = format_html("<div class='preview'>{}</div>", body)
    return HttpResponse(html)


class KnowledgeBaseView(TemplateView):
    template_name = "kb/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self.request.GET.get("q", "")
        context["highlight"] = mark_safe(f"<mark>{q}</mark>") if q else ""
        return context


class KnowledgeSearchView(TemplateView):
    template_name = "kb/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self.request.GET.get("q", "")
        context["highlight"] = format_html("<mark>{}</mark>", q) if q else ""
        return context


@login_required
def download_attachment(request: HttpRequest, name: str) -> FileResponse:
    path = os.path.join(settings.ATTACHMENT_ROOT, name)
    if not os.path.isfile(path):
        raise Http404("no such attachment")
    return FileResponse(open(path, "rb"), as_attachment=True)


@login_required
def download_report(request: HttpRequest, name: str) -> FileResponse:
    path = os.path.join(settings.ATTACHMENT_ROOT, "reports", name + ".pdf")
    if not os.path.isfile(path):
        raise Http404("no such report")
    return FileResponse(open(path, "rb"), as_attachment=True)


@login_required
def attachment_checksum(request: HttpRequest, pk: int) -> HttpResponse:
    ticket = get_object_or_404(Ticket, pk=pk)
    upload = request.FILES["file"]
    checksum = hashlib.sha1(upload.read()).hexdigest()
    Attachment.objects.create(ticket=ticket, filename=upload.name[:200], checksum=checksum)
    return HttpResponse(status=201)


@login_required
def render_macro(request: HttpRequest, pk: int) -> HttpResponse:
    ticket = get_object_or_404(Ticket, pk=pk)
    template_text = request.POST.get("macro", "")
    text = macro_env.from_string(template_text).render(name=ticket.requester_email, ticket=ticket)
    return HttpResponse(text, content_type="text/plain")


@login_required
def render_canned_reply(request: HttpRequest, pk: int) -> HttpResponse:
    ticket = get_object_or_404(Ticket, pk=pk)
    template_text = CANNED_REPLIES.get(request.POST.get("reply", "ack"), CANNED_REPLIES["ack"])
    text = macro_env.from_string(template_text).render(name=ticket.requester_email, ticket=ticket)
    return HttpResponse(text, content_type="text/plain")


def return_after_language(request: HttpRequest) -> HttpResponseRedirect:
    next_url = request.GET.get("next", "/")
    if not next_url.startswith(("/", "https://helpdesk.example.com")):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie("django_language", request.GET.get("lang", "en")[:8])
    return response


def return_after_timezone(request: HttpRequest) -> HttpResponseRedirect:
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie("tz", request.GET.get("tz", "UTC")[:40])
    return response


class FeedbackView(FormView):
    template_name = "portal/feedback.html"
    form_class = FeedbackForm

    def form_valid(self, form):
        logger.info("feedback rating %d", form.cleaned_data["rating"])
        return redirect(form.cleaned_data["return_url"] or "/")


class SurveyView(FormView):
    template_name = "portal/survey.html"
    form_class = SurveyForm

    def form_valid(self, form):
        logger.info("survey rating %d", form.cleaned_data["rating"])
        return redirect(form.cleaned_data["return_to"])


class TicketCommentView(View):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        ticket = get_object_or_404(Ticket, pk=pk)
        author = request.POST.get("author_name", "anonymous")
        logger.info("comment added to ticket %d by %s", ticket.pk, author)
        return HttpResponse(status=201)


class TicketCloseView(View):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        ticket = get_object_or_404(Ticket, pk=pk)
        reason = request.POST.get("reason", "resolved")
        ticket.status = "closed"
        ticket.save(update_fields=["status"])
        logger.info("ticket %d closed: %r", ticket.pk, reason)
        return HttpResponse(status=204)


@login_required
def ticket_counts(request: HttpRequest) -> JsonResponse:
    counts = (
        Ticket.objects.open()
        .values("queue__name")
        .annotate(total=Count("id"))
        .order_by("queue__name")
    )
    return JsonResponse({row["queue__name"]: row["total"] for row in counts})


class TicketAssignView(View):
    def post(self, request: HttpRequest, pk: int) -> JsonResponse:
        ticket = get_object_or_404(Ticket, pk=pk)
        assignee = get_object_or_404(User, username=request.POST.get("assignee", ""))
        Ticket.objects.filter(pk=ticket.pk).update(status="assigned")
        logger.info("ticket %d assigned to user %d", ticket.pk, assignee.pk)
        return JsonResponse({"ticket": ticket.pk, "assignee": assignee.get_username()})
