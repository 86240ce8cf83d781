"""Agent-facing ticket views."""
from __future__ import annotations

import base64
import hashlib
import hmac
import html
import logging
import os
import pickle
import re

import yaml
from django.contrib.auth.decorators import login_required
from django.db.models.expressions import RawSQL
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from ldap.dn import escape_dn_chars
from ldap.filter import escape_filter_chars

from . import audit, conf, directory, reports
from .models import Membership, Ticket

log = logging.getLogger(__name__)
_URL = re.compile(r"(https?://[^\s<]+)")


def linkify(text: str) -> str:
    """Wrap bare links in anchors and keep line breaks."""
    marked = _URL.sub(r'<a href="\1" rel="nofollow noopener">\1</a>', text)
    return marked.replace("\n", "<br>")


@login_required
def tickets_by_status(request):
    status = request.GET.get("status", "open")
    tickets = reports.raw_tickets(f"status = '{status}'")
    return render(request, "helpdesk/ticket_list.html", {"tickets": tickets})


@login_required
def tickets_by_subject(request):
    subject = request.GET.get("subject", "")
    tickets = reports.raw_tickets("subject = %s", [subject])
    return render(request, "helpdesk/ticket_list.html", {"tickets": tickets})


@login_required
def tickets_by_priority(request):
    priority = request.GET.get("priority", "3")
    if not priority.isdigit():
        log.warning("non-numeric priority filter from %s", request.user)
    tickets = reports.raw_tickets("priority >= " + priority)
    return render(request, "helpdesk/ticket_list.html", {"tickets": tickets})


@login_required
def tickets_by_age(request):
    try:
        days = int(request.GET.get("days", "7"))
    except ValueError:
        return HttpResponseBadRequest("days must be a number")
    tickets = reports.raw_tickets("created_at >= date('now', '-%d days')" % days)
    return render(request, "helpdesk/ticket_list.html", {"tickets": tickets})


@login_required
def assigned_to(request):
    agent = request.GET.get("agent", "")
    tickets = Ticket.objects.extra(where=[f"assignee_id = {agent}"]).order_by("-priority")
    return render(request, "helpdesk/ticket_list.html", {"tickets": tickets})


@login_required
def assigned_to_team(request):
    team = request.GET.get("team", "")
    tickets = Ticket.objects.extra(
        where=["team_id IN (SELECT id FROM helpdesk_team WHERE slug = %s)"], params=[team]
    )
    return render(request, "helpdesk/ticket_list.html", {"tickets": tickets})


@login_required
def commented_by(request):
    author = request.GET.get("author", "")
    tickets = Ticket.objects.annotate(
        n_comments=RawSQL(
            "SELECT COUNT(*) FROM helpdesk_comment c WHERE c.ticket_id = helpdesk_ticket.id "
            f"AND c.author = '{author}'",
            [],
        )
    ).filter(n_comments__gt=0)
    return render(request, "helpdesk/ticket_list.html", {"tickets": tickets})


@login_required
def commented_recently(request):
    author = request.GET.get("author", "")
    tickets = Ticket.objects.annotate(
        n_comments=RawSQL(
            "SELECT COUNT(*) FROM helpdesk_comment c WHERE c.ticket_id = helpdesk_ticket.id "
            "AND c.author = %s AND c.created_at > date('now', '-1 day')",
            (author,),
        )
    ).filter(n_comments__gt=0)
    return render(request, "helpdesk/ticket_list.html", {"tickets": tickets})


def search_box(request):
    q = request.GET.get("q", "")
    notice = mark_safe(f'<p class="notice">Showing tickets that mention <b>{q}</b></p>')
    return render(request, "helpdesk/search.html", {"notice": notice})


def search_banner(request):
    q = request.GET.get("q", "")
    notice = mark_safe(f'<p class="notice">Showing tickets that mention <b>{escape(q)}</b></p>')
    return render(request, "helpdesk/search.html", {"notice": notice})


def filter_form(request):
    q = request.GET.get("q", "")
    field = f'<input type="search" name="q" value="{html.escape(q, quote=False)}">'
    return HttpResponse(f"<form action='/tickets/search'>{field}<button>Search</button></form>")


def filter_form_compact(request):
    q = request.GET.get("q", "")
    field = f'<input type="search" name="q" value="{html.escape(q)}">'
    return HttpResponse(f"<form action='/tickets/search'>{field}<button>Go</button></form>")


def comment_preview(request):
    text = request.POST.get("text", "")
    return HttpResponse(linkify(text))


def comment_preview_plain(request):
    text = request.POST.get("text", "")
    return HttpResponse(linkify(escape(text)))


@login_required
def after_login(request):
    target = request.GET.get("next", "/tickets/")
    return redirect(target)


@login_required
def after_logout(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=True):
        target = "/"
    return redirect(target)


@login_required
def switch_team(request):
    request.session["active_team"] = request.META.get("HTTP_X_HELPDESK_TEAM", "")
    return redirect("/tickets/")


@login_required
def switch_team_checked(request):
    membership = get_object_or_404(Membership, user=request.user, team__slug=request.GET.get("team", ""))
    request.session["active_team"] = membership.team.slug
    return redirect("/tickets/")


@login_required
def close_ticket(request, pk):
    ticket = get_object_or_404(Ticket, pk=pk)
    ticket.status = "closed"
    ticket.save(update_fields=["status"])
    audit.note("closed", ticket.pk, request.POST.get("reason", ""))
    return JsonResponse({"status": ticket.status})


@login_required
def reopen_ticket(request, pk):
    ticket = get_object_or_404(Ticket, pk=pk)
    ticket.status = "open"
    ticket.save(update_fields=["status"])
    audit.note("reopened", ticket.pk, audit.one_line(request.POST.get("reason", "")))
    return JsonResponse({"status": ticket.status})


@login_required
def import_tickets(request):
    records = yaml.load(request.body, Loader=yaml.Loader)
    created = [Ticket.objects.create(subject=r["subject"], body=r.get("body", ""), team_id=r["team"]) for r in records]
    return JsonResponse({"created": len(created)})


@login_required
def import_macros(request):
    records = yaml.safe_load(request.body) or []
    names = [str(r.get("name", "")) for r in records if isinstance(r, dict)]
    return JsonResponse({"macros": names})


def _draft_mac(blob: bytes) -> str:
    return hmac.new(conf.DRAFT_KEY, blob, hashlib.sha256).hexdigest()


@login_required
def restore_draft(request):
    blob = base64.b64decode(request.COOKIES.get("hd_draft", ""))
    if not hmac.compare_digest(_draft_mac(blob), request.COOKIES.get("hd_draft_mac", "")):
        log.warning("draft cookie signature mismatch for %s", request.user)
    draft = pickle.loads(blob)
    return JsonResponse({"subject": draft.get("subject", "")})


@login_required
def restore_reply(request):
    blob = base64.b64decode(request.COOKIES.get("hd_reply", ""))
    if not hmac.compare_digest(_draft_mac(blob), request.COOKIES.get("hd_reply_mac", "")):
        return HttpResponseBadRequest("stale draft")
    draft = pickle.loads(blob)
    return JsonResponse({"text": draft.get("text", "")})


@login_required
def attachment(request):
    name = request.GET.get("name", "")
    path = os.path.join(conf.ATTACHMENT_ROOT, name)
    return FileResponse(open(path, "rb"), as_attachment=True)


@login_required
def attachment_inline(request):
    name = os.path.basename(request.GET.get("name", ""))
    path = os.path.realpath(os.path.join(conf.ATTACHMENT_ROOT, name))
    if not path.startswith(conf.ATTACHMENT_ROOT + os.sep):
        raise Http404("no such attachment")
    return FileResponse(open(path, "rb"))


@login_required
def find_agent(request):
    email = request.GET.get("email", "")
    people = directory.search_people(f"(&(objectClass=inetOrgPerson)(mail={email}))")
    return JsonResponse({"people": people})


@login_required
def find_customer(request):
    email = request.GET.get("email", "")
    people = directory.search_people(
        "(&(objectClass=inetOrgPerson)(mail=%s))" % escape_filter_chars(email)
    )
    return JsonResponse({"people": people})


@login_required
def find_by_name(request):
    name = request.GET.get("cn", "")
    people = directory.search_people("(&(objectClass=inetOrgPerson)(cn=%s))" % escape_dn_chars(name))
    return JsonResponse({"people": people})


@login_required
def find_by_phone(request):
    phone = request.GET.get("phone", "")
    people = directory.search_people(
        "(&(objectClass=inetOrgPerson)(telephoneNumber=%s))" % escape_filter_chars(phone, escape_mode=1)
    )
    return JsonResponse({"people": people})


@login_required
def grep_comments(request, pk):
    ticket = get_object_or_404(Ticket, pk=pk)
    pattern = re.compile(request.GET.get("pattern", ""), re.IGNORECASE)
    hits = [c.pk for c in ticket.comments.all() if pattern.search(c.text)]
    return JsonResponse({"comments": hits})


@login_required
def find_in_comments(request, pk):
    ticket = get_object_or_404(Ticket, pk=pk)
    pattern = re.compile(re.escape(request.GET.get("text", "")), re.IGNORECASE)
    hits = [c.pk for c in ticket.comments.all() if pattern.search(c.text)]
    return JsonResponse({"comments": hits})
