import json
import logging
import re

from django.http import HttpResponseBadRequest, JsonResponse

from .helpers import record_event, record_note

logger = logging.getLogger(__name__)
KNOWN_EVENTS = ("invoice.paid", "invoice.failed", "customer.created")


def flag_activity(request, activity_id):
    reason = request.POST.get("reason", "").strip()
    logger.info("activity %s flagged: %s", activity_id, reason)
    return JsonResponse({"flagged": activity_id})


def unflag_activity(request, activity_id):
    reason = "".join(ch for ch in request.POST.get("reason", "") if ch.isprintable())
    logger.info("activity %s unflagged: %s", activity_id, reason)
    return JsonResponse({"unflagged": activity_id})


def annotate_activity(request, activity_id):
    note = request.POST.get("note", "")
    record_note(f"activity.{activity_id}.annotated", note)
    return JsonResponse({"ok": True})


def tag_activity(request, activity_id):
    tag = request.POST.get("tag", "")
    record_event("activity.tagged", activity=activity_id, tag=tag)
    return JsonResponse({"ok": True})


def billing_webhook(request):
    data = json.loads(request.body)
    logger.info("billing webhook received: %s", data.get("event"))
    return JsonResponse({"received": True})


def payments_webhook(request):
    data = json.loads(request.body)
    event = data.get("event")
    logger.info("payments webhook received: %s", event if event in KNOWN_EVENTS else "other")
    return JsonResponse({"received": True})


def activity_filter(request):
    rx = re.compile(request.GET.get("filter", ".*"), re.IGNORECASE)
    rows = [line for line in _recent() if rx.search(line)]
    return JsonResponse({"rows": rows})


def activity_contains(request):
    rx = re.compile(re.escape(request.GET.get("filter", "")), re.IGNORECASE)
    rows = [line for line in _recent() if rx.search(line)]
    return JsonResponse({"rows": rows})


def activity_dates(request):
    patterns = [r"^\d{4}-\d{2}-\d{2}", request.GET.get("pattern", "")]
    found = [m for line in _recent() for m in re.findall(patterns[-1], line)]
    return JsonResponse({"matches": found[:200]})


def activity_days(request):
    patterns = [r"^\d{4}-\d{2}-\d{2}", request.GET.get("pattern", "")]
    found = [m for line in _recent() for m in re.findall(patterns[0], line)]
    return JsonResponse({"matches": found[:200]})


def invoices_by_prefix(request):
    prefix = request.GET.get("prefix", "INV").strip()
    rows = [line for line in _recent() if re.match(prefix + r"-\d+", line)]
    return JsonResponse({"rows": rows})


def orders_by_prefix(request):
    prefix = request.GET.get("prefix", "ORD").strip()
    if not prefix.isalpha():
        return HttpResponseBadRequest("prefix must be letters")
    rows = [line for line in _recent() if re.match(prefix + r"-\d+", line)]
    return JsonResponse({"rows": rows})


def _recent(limit: int = 2000) -> list[str]:
    with open("/var/log/app/activity.log", encoding="utf-8", errors="replace") as fh:
        return fh.read().splitlines()[-limit:]
