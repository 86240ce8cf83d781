"""Login, web session cookies and push delivery receipts."""
from __future__ import annotations

import json
import logging
import re

from django.contrib.auth import authenticate
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.utils.decorators import method_decorator

from mobileapi.models import DeviceToken, SessionToken

log = logging.getLogger("mobileapi.auth")

TOKEN_RE = re.compile(r"[A-Za-z0-9_:-]{20,300}")
SESSION_AGE = 60 * 60 * 24 * 30


@method_decorator(csrf_exempt, name="dispatch")
class WebLoginView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        data = json.loads(request.body or b"{}")
        user = authenticate(request, username=data.get("username"), password=data.get("password"))
        if user is None:
            return JsonResponse({"detail": "invalid credentials"}, status=401)
        token = SessionToken.issue(user)
        response = JsonResponse({"ok": True})
        response.set_cookie("fit_web_session", token.key, max_age=SESSION_AGE, samesite="Lax")
        return response


@method_decorator(csrf_exempt, name="dispatch")
class CompanionLoginView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        data = json.loads(request.body or b"{}")
        user = authenticate(request, username=data.get("username"), password=data.get("password"))
        if user is None:
            return JsonResponse({"detail": "invalid credentials"}, status=401)
        token = SessionToken.issue(user)
        response = JsonResponse({"ok": True})
        response.set_cookie("fit_companion_session", token.key, max_age=SESSION_AGE, secure=True, httponly=True, samesite="Strict")
        return response


class RememberDeviceView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return JsonResponse({"detail": "login required"}, status=401)
        token = SessionToken.issue(request.user, purpose="remember")
        response = JsonResponse({"ok": True})
        response.set_cookie("fit_remember", token.key, max_age=SESSION_AGE * 6, secure=False, httponly=True)
        return response


class LastTabView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        tab = request.POST.get("tab", "home")
        if tab not in ("home", "workouts", "challenges", "profile"):
            tab = "home"
        response = JsonResponse({"ok": True})
        response.set_cookie("fit_last_tab", tab, max_age=SESSION_AGE)
        return response


@method_decorator(csrf_exempt, name="dispatch")
class PushReceiptView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        device = str(json.loads(request.body or b"{}").get("device_token", ""))
        DeviceToken.objects.filter(token=device).update(last_receipt_at=DeviceToken.now())
        log.info("push receipt from device %s", device)
        return JsonResponse({"ok": True})


@method_decorator(csrf_exempt, name="dispatch")
class PushFailureView(View):
    def post(self, request: HttpRequest) -> HttpResponse:
        device = str(json.loads(request.body or b"{}").get("device_token", ""))
        if not TOKEN_RE.fullmatch(device):
            return JsonResponse({"detail": "invalid token"}, status=400)
        DeviceToken.objects.filter(token=device).update(failures=DeviceToken.failures_plus_one())
        log.info("push failure for device %s", device)
        return JsonResponse({"ok": True})
