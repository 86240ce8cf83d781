"""Agent account settings, kiosks and the customer portal sign-in."""
from __future__ import annotations

import hashlib
import logging
import random
import string

from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.crypto import get_random_string
from django.views.generic import FormView

from ..tickets.forms import EscalationForm
from ..tickets.models import AgentProfile, Kiosk, Membership, Ticket

logger = logging.getLogger("helpdesk.accounts")
TOKEN_CHARS = string.ascii_letters + string.digits
PORTAL_MAX_AGE = 12 * 3600


@login_required
def switch_team(request: HttpRequest) -> JsonResponse:
    team = request.POST.get("team", "")
    request.session["team"] = team
    return JsonResponse({"team": team})


@login_required
def join_team_view(request: HttpRequest) -> JsonResponse:
    membership = get_object_or_404(
        Membership, user=request.user, team_slug=request.POST.get("team", "")
    )
    request.session["team"] = membership.team_slug
    return JsonResponse({"team": membership.team_slug})


@login_required
def set_escalation_level(request: HttpRequest) -> JsonResponse:
    level = request.POST.get("level", "1")
    request.session["escalation_level"] = level
    return JsonResponse({"level": level})


class EscalationLevelView(FormView):
    form_class = EscalationForm
    template_name = "accounts/escalation.html"

    def form_valid(self, form):
        self.request.session["escalation_level"] = form.cleaned_data["level"]
        return JsonResponse({"level": form.cleaned_data["level"]})


@login_required
def reset_agent_pin(request: HttpRequest) -> JsonResponse:
    pin = request.POST.get("pin", "")
    if not (pin.isdigit() and len(pin) >= 6):
        return JsonResponse({"error": "pin must be six or more digits"}, status=400)
    profile = get_object_or_404(AgentProfile, user=request.user)
    profile.pin_hash = hashlib.sha1(pin.encode("ascii")).hexdigest()
    profile.save(update_fields=["pin_hash"])
    return JsonResponse({"ok": True})


@login_required
def set_agent_pin(request: HttpRequest) -> JsonResponse:
    pin = request.POST.get("pin", "")
    if not (pin.isdigit() and len(pin) >= 6):
        return JsonResponse({"error": "pin must be six or more digits"}, status=400)
    profile = get_object_or_404(AgentProfile, user=request.user)
    profile.pin_hash = make_password(pin)
    profile.save(update_fields=["pin_hash"])
    return JsonResponse({"ok": True})


@login_required
def register_kiosk(request: HttpRequest) -> JsonResponse:
    name = request.POST.get("name", "kiosk")[:80]
    password = request.POST.get("password", "")
    kiosk = Kiosk.objects.create(
        name=name, password_digest=hashlib.md5(password.encode("utf-8")).hexdigest()
    )
    return JsonResponse({"id": kiosk.pk}, status=201)


@login_required
def issue_portal_link(request: HttpRequest, pk: int) -> JsonResponse:
    ticket = get_object_or_404(Ticket, pk=pk)
    ticket.portal_token = "".join(random.choice(TOKEN_CHARS) for _ in range(24))
    ticket.save(update_fields=["portal_token"])
    return JsonResponse({"url": f"/portal/{ticket.pk}/{ticket.portal_token}"})


@login_required
def rotate_portal_link(request: HttpRequest, pk: int) -> JsonResponse:
    ticket = get_object_or_404(Ticket, pk=pk)
    ticket.portal_token = get_random_string(32, TOKEN_CHARS)
    ticket.save(update_fields=["portal_token"])
    return JsonResponse({"url": f"/portal/{ticket.pk}/{ticket.portal_token}"})


def portal_login(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    ticket = get_object_or_404(Ticket, pk=pk, portal_token=token)
    response = HttpResponse(status=204)
    response.set_cookie("portal_session", ticket.portal_token, max_age=PORTAL_MAX_AGE)
    return response


def portal_magic_login(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    ticket = get_object_or_404(Ticket, pk=pk, portal_token=token)
    response = HttpResponse(status=204)
    response.set_cookie(
        "portal_session",
        ticket.portal_token,
        max_age=PORTAL_MAX_AGE,
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return response
