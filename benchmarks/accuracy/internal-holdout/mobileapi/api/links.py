"""Deep links opened from e-mails and SMS; they fall back to a web page when the app is missing."""
from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from mobileapi import settings_local as conf

log = logging.getLogger("mobileapi.links")

FALLBACK_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Fit</title></head>
<body><p>{body}</p><p><a href="{ios}">App Store</a> | <a href="{android}">Google Play</a></p></body></html>"""


def _fallback(body: str) -> HttpResponse:
    return HttpResponse(FALLBACK_PAGE.format(body=body, ios=conf.STORE_LINKS["ios"], android=conf.STORE_LINKS["android"]))


class DeepLinkFallbackView(View):
    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        campaign = request.GET.get("campaign", "")
        body = "Open the Fit app to see the <b>%s</b> challenge." % campaign
        return _fallback(body)


class InviteFallbackView(View):
    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        team = request.GET.get("team", "")
        body = format_html("Open the Fit app to join <b>{}</b>.", team)
        return _fallback(body)


class DeepLinkView(View):
    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        target = request.GET.get("fallback", "/")
        if request.META.get("HTTP_USER_AGENT", "").startswith("FitApp/"):
            target = "/app/open" + request.path
        return HttpResponseRedirect(target)


class CampaignLinkView(View):
    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        target = request.GET.get("fallback", "/")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts=conf.DEEPLINK_HOSTS, require_https=True):
            target = "/"
        return HttpResponseRedirect(target)


class OAuthDoneView(View):
    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        nxt = self.request.GET.get("next", "/")
        if not nxt.startswith("/"):
            nxt = "/"
        return HttpResponseRedirect(nxt)


class StoreRedirectView(View):
    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        platform = self.kwargs.get("platform", "ios")
        target = conf.STORE_LINKS.get(platform, conf.STORE_LINKS["ios"])
        return HttpResponseRedirect(target)
