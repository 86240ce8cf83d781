import logging
import zoneinfo

from django.core import signing
from django.http import HttpResponseBadRequest, JsonResponse

log = logging.getLogger(__name__)


def set_timezone(request):
    tz = request.POST.get("tz", "UTC")
    if tz not in zoneinfo.available_timezones():
        log.info("unknown timezone submitted")
    request.session["timezone"] = tz
    return JsonResponse({"timezone": tz})


def set_region(request):
    tz = request.POST.get("tz", "UTC")
    if tz not in zoneinfo.available_timezones():
        return HttpResponseBadRequest("unknown timezone")
    request.session["timezone"] = tz
    return JsonResponse({"timezone": tz})


def adopt_guest_cart(request):
    owner = request.COOKIES.get("cart_owner", "")
    request.session["cart_owner"] = owner
    return JsonResponse({"ok": True})


def adopt_signed_guest_cart(request):
    raw = request.COOKIES.get("cart_owner", "")
    try:
        owner = signing.loads(raw, salt="guest-cart", max_age=86400)
    except signing.BadSignature:
        return HttpResponseBadRequest("invalid cart")
    request.session["cart_owner"] = owner
    return JsonResponse({"ok": True})
