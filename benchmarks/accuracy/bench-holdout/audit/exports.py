import logging

from django.http import JsonResponse

logger = logging.getLogger(__name__)


def export_activity(request):
    period = request.GET.get("range", "last-7-days")[:40]
    logger.info("activity export for %s requested by %s", period, request.user.pk)
    return JsonResponse({"queued": True})


def export_activity_page(request):
    page = int(request.GET.get("page", "1"))
    logger.info("activity export page %d requested by %s", page, request.user.pk)
    return JsonResponse({"queued": True})
